import Foundation
import InfusionCore
import TerminalUI
import TestSupport

/// Rendering helpers shared by the TerminalUI tests: fixed time, UTC, one renderer.
enum ScreenFixtures {
    static let utc = DisplayZone.fixed(secondsFromGMT: 0)

    static func context(glyphs: GlyphSet = .unicode, now: Date = ClinicFixtures.now) -> RenderContext {
        RenderContext(now: now, glyphs: glyphs, freshness: FreshnessPolicy(), timeZone: utc)
    }

    static func frame(
        _ clinic: ClinicState, screen: ScreenState = ScreenState(), width: Int, height: Int,
        glyphs: GlyphSet = .unicode
    ) -> CellBuffer {
        var sized = screen
        sized.terminalWidth = width
        sized.terminalHeight = height
        return ScreenRenderer().frame(width: width, height: height, clinic: clinic, screen: sized,
                                      context: context(glyphs: glyphs))
    }

    static func text(_ buffer: CellBuffer) -> String { buffer.lines().joined(separator: "\n") }

    /// The cells where `text` first occurs in `buffer` (within `area` if given).
    static func cells(of text: String, in buffer: CellBuffer, within area: Rect? = nil) -> [Cell]? {
        let area = area ?? buffer.bounds
        for (row, line) in buffer.lines().enumerated() where row >= area.y && row < area.maxY {
            let scalars = Array(line.unicodeScalars)[area.x..<area.maxX]
            let needle = Array(text.unicodeScalars)
            guard needle.count <= scalars.count else { continue }
            for start in area.x...(area.maxX - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
                return (start..<start + needle.count).map { buffer[$0, row] }
            }
        }
        return nil
    }
}
