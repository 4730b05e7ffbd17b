import Testing
import TerminalUI
@testable import CursesTerminal

@Suite("Colour pairs")
struct ColorPairRegistryTests {
    @Test("pairs are allocated on demand, reused, and the default pair is 0")
    func allocation() {
        var registry = ColorPairRegistry(pairCount: 64)
        #expect(registry.capacity == 63)
        #expect(registry.pair(foreground: nil, background: nil) == .init(number: 0, isNew: false))
        #expect(registry.pair(foreground: 7, background: 1) == .init(number: 1, isNew: true))
        #expect(registry.pair(foreground: 0, background: nil) == .init(number: 2, isNew: true))
        #expect(registry.pair(foreground: 7, background: 1) == .init(number: 1, isNew: false))
        #expect(registry.count == 2)
    }

    @Test("when every pair is taken, new colours fall back to pair 0")
    func exhaustion() {
        var registry = ColorPairRegistry(pairCount: 3)
        #expect(registry.pair(foreground: 1, background: nil).number == 1)
        #expect(registry.pair(foreground: 2, background: nil).number == 2)
        #expect(registry.pair(foreground: 3, background: nil) == .init(number: 0, isNew: false))
        #expect(registry.pair(foreground: 1, background: nil).number == 1)
    }

    @Test("reset (a theme change) starts numbering again")
    func reset() {
        var registry = ColorPairRegistry(pairCount: 64)
        _ = registry.pair(foreground: 1, background: 2)
        registry.reset()
        #expect(registry.count == 0)
        #expect(registry.pair(foreground: 3, background: 4) == .init(number: 1, isNew: true))
    }

    @Test("no colours means no pairs; huge pair counts are capped to a short")
    func bounds() {
        var none = ColorPairRegistry(pairCount: 0)
        #expect(none.pair(foreground: 1, background: 2).number == 0)
        #expect(ColorPairRegistry(pairCount: 65_536).capacity == Int(Int16.max) - 1)
    }

    @Test("every theme fits in a plain xterm's 64 pairs once degraded to 8 colours")
    func themesFitInXterm() {
        for theme in [Theme.default, Theme.monochrome] {
            var registry = ColorPairRegistry(pairCount: 64)
            let degraded = theme.effective(for: ColorDepth(colorCount: 8))
            for role in StyleRole.allCases {
                let style = degraded.style(for: role)
                let pair = registry.pair(
                    foreground: style.foreground?.paletteIndex, background: style.background?.paletteIndex)
                #expect(pair.number != 0 || (style.foreground == nil && style.background == nil))
                #expect(style.foreground.map { $0.paletteIndex! < 8 } ?? true)
            }
        }
    }
}
