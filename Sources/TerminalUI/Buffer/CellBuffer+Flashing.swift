#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import InfusionCore

extension CellBuffer {
    /// Resolves the flash marks (`flashesHigh`, `flashesMedium`) for the instant
    /// `context.now`: a marked cell in the dark half of its priority's flash gets `reverse`,
    /// one in the lit half keeps its own attributes; the marks are removed either way.
    ///
    /// The renderer leaves the marks in (`ScreenRenderer.render(..., resolvingFlash: false)`)
    /// so that the app can show the flash's quarter-second steps by resolving the same
    /// rendered frame again, instead of rendering the whole screen four times a second.
    public mutating func resolveFlashing(at context: RenderContext) {
        self = FlashingFrame(self).resolved(at: context)
    }

    /// Whether any cell still carries a flash mark (a frame that needs `resolveFlashing`).
    public var hasFlashMarks: Bool {
        cells.contains { !$0.attributes.isDisjoint(with: TextAttributes.flashMarks) }
    }

    /// Whether row `row` holds the same cells here as in `other` (false for another size):
    /// the frame diff skips equal rows with this one compare per row.
    public func row(_ row: Int, equalsRowOf other: CellBuffer) -> Bool {
        guard other.width == width, other.height == height, row >= 0, row < height else { return false }
        guard width > 0 else { return true }
        let start = row * width
        return cells.withUnsafeBytes { mine in
            other.cells.withUnsafeBytes { theirs in
                let stride = MemoryLayout<Cell>.stride
                return memcmp(mine.baseAddress! + start * stride, theirs.baseAddress! + start * stride, width * stride) == 0
            }
        }
    }
}

/// A rendered frame whose flash marks were located once, shown at each step of the flash:
/// the app renders a frame when something changes or a new second begins, and between
/// renders shows it at each quarter second (`resolved(at:)`). Copying the cells and
/// restyling the few marked ones costs a small fraction of resolving the whole frame
/// again (BENCHMARKS.md, "CPU").
public struct FlashingFrame: Sendable {
    /// The frame as rendered, marks unresolved.
    public let frame: CellBuffer
    /// Where the marked cells are.
    private let marked: [Int]

    public init(_ frame: CellBuffer) {
        self.frame = frame
        let marks = TextAttributes.flashMarks.rawValue
        marked = frame.cells.indices.filter { frame.cells[$0].attributes.rawValue & marks != 0 }
    }

    /// The frame at `context.now`: what `CellBuffer.resolveFlashing(at:)` gives.
    public func resolved(at context: RenderContext) -> CellBuffer {
        var result = frame
        guard !marked.isEmpty else { return result }
        let phase = FlashPhase(at: context)
        // A bitwise copy (a `Cell` is plain data), then the marked cells restyled: a
        // copy-on-write of the shared array would copy cell by cell.
        let count = frame.cells.count
        result.cells = [Cell](unsafeUninitializedCapacity: count) { target, initialized in
            frame.cells.withUnsafeBufferPointer { source in
                if let from = source.baseAddress, let to = target.baseAddress {
                    UnsafeMutableRawPointer(to).copyMemory(from: from, byteCount: count * MemoryLayout<Cell>.stride)
                }
            }
            initialized = count
        }
        for index in marked { result.cells[index].attributes = phase.resolve(result.cells[index].attributes) }
        return result
    }
}

/// Which flash rhythms are in their dark half at one instant.
struct FlashPhase {
    let darkHigh: Bool
    let darkMedium: Bool

    init(at context: RenderContext) {
        darkHigh = !AlarmStyle.isLit(.high, context: context)
        darkMedium = !AlarmStyle.isLit(.medium, context: context)
    }

    /// `attributes` with its flash marks resolved: `reverse` when a mark's rhythm is dark,
    /// the marks removed.
    func resolve(_ attributes: TextAttributes) -> TextAttributes {
        let dark = (darkHigh && attributes.contains(.flashesHigh)) || (darkMedium && attributes.contains(.flashesMedium))
        var resolved = attributes.subtracting(TextAttributes.flashMarks)
        if dark { resolved.insert(.reverse) }
        return resolved
    }
}
