import Testing
@testable import TerminalUI

@Suite("The footer legend")
struct KeyMapLegendTests {
    /// The rule written plainly: join, and while too wide drop the entry before the last two.
    static func reference(_ map: KeyMap, glyphs: GlyphSet, width: Int) -> String {
        var entries = map.bindings.compactMap { $0.legendText(glyphs: glyphs) }
        while entries.joined(separator: "  ").unicodeScalars.count > width, entries.count > 2 {
            entries.remove(at: entries.count - 3)
        }
        return entries.joined(separator: "  ")
    }

    @Test("At every width it keeps what the plain rule keeps, `? help` and `q quit` last", arguments: [GlyphSet.unicode, .ascii])
    func matchesThePlainRule(glyphs: GlyphSet) {
        for width in 0...220 {
            let legend = KeyMap.standard.legend(glyphs: glyphs, width: width)
            #expect(legend == Self.reference(.standard, glyphs: glyphs, width: width), "width \(width)")
            #expect(legend.hasSuffix("? help  q quit"))
        }
    }

    @Test("The arrows placeholder is filled with the glyph set's arrows")
    func arrowsAreFilledIn() {
        #expect(KeyMap.standard.legend(glyphs: .unicode).hasPrefix(GlyphSet.unicode.arrowKeys + " move"))
        #expect(KeyMap.standard.legend(glyphs: .ascii).hasPrefix(GlyphSet.ascii.arrowKeys + " move"))
        #expect(!KeyMap.standard.legend(glyphs: .ascii).contains("{"))
    }

    @Test("Every placeholder is filled; other braces and text are kept as written", arguments: [
        ("{arrows} move", "<> move"),
        ("{arrows}/{arrows}", "<>/<>"),
        ("a {b} {arrows", "a {b} {arrows"),
        ("{{arrows}}", "{<>}"),
        ("", ""),
        ("é{arrows}é", "é<>é"),
    ])
    func filling(legend: String, expected: String) {
        #expect(KeyBinding.filling(legend, arrows: "<>") == expected)
    }
}
