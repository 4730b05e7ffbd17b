import Testing
@testable import TerminalUI

@Suite("Theme colours and degradation")
struct ThemeColorTests {
    @Test("names, palette indices and hex parse; nonsense does not")
    func parsing() {
        #expect(ThemeColor(parsing: "red") == .palette(1))
        #expect(ThemeColor(parsing: "Bright-Yellow") == .palette(11))
        #expect(ThemeColor(parsing: "grey") == .palette(8))
        #expect(ThemeColor(parsing: "208") == .palette(208))
        #expect(ThemeColor(parsing: "#ff8700") == .rgb(red: 255, green: 135, blue: 0))
        #expect(ThemeColor(parsing: "redd") == nil)
        #expect(ThemeColor(parsing: "256") == nil)
        #expect(ThemeColor(parsing: "#12345") == nil)
        #expect(ThemeColor(parsing: "#gg0000") == nil)
    }

    @Test("description writes what a theme file would say")
    func description() {
        #expect(ThemeColor.palette(9).description == "bright-red")
        #expect(ThemeColor.palette(208).description == "208")
        #expect(ThemeColor.rgb(red: 255, green: 8, blue: 0).description == "#ff0800")
    }

    @Test("colour counts map to depths")
    func depths() {
        #expect(ColorDepth(colorCount: 0) == .monochrome)
        #expect(ColorDepth(colorCount: 8) == .ansi8)
        #expect(ColorDepth(colorCount: 16) == .ansi16)
        #expect(ColorDepth(colorCount: 256) == .palette256)
        #expect(ColorDepth(colorCount: 16_777_216) == .trueColor)
    }

    @Test("true colour degrades to the 256 cube, then 16, then 8")
    func rgbDegradation() {
        let orange = ThemeColor.rgb(red: 255, green: 135, blue: 0)
        #expect(orange.degraded(to: .trueColor) == orange)
        #expect(orange.degraded(to: .palette256) == .palette(208))
        #expect(orange.degraded(to: .ansi8) == .palette(3))  // yellow, not red
        #expect(ThemeColor.rgb(red: 250, green: 10, blue: 10).degraded(to: .ansi16) == .palette(9))
        #expect(ThemeColor.rgb(red: 128, green: 128, blue: 128).degraded(to: .palette256) == .palette(244))
        #expect(orange.degraded(to: .monochrome) == nil)
    }

    @Test("to 8 colours: bright ANSI colours lose brightness, palette greys keep lightness")
    func eightColours() {
        for base in 1...7 {
            #expect(ThemeColor.palette(UInt8(base + 8)).degraded(to: .ansi8) == .palette(UInt8(base)))
        }
        #expect(ThemeColor.palette(8).degraded(to: .ansi8) == .palette(7))
        #expect(ThemeColor.palette(88).degraded(to: .ansi8) == .palette(1))  // dark red
        #expect(ThemeColor.palette(250).degraded(to: .ansi8) == .palette(7))
        #expect(ThemeColor.palette(233).degraded(to: .ansi8) == .palette(0))
        #expect(ThemeColor.palette(4).degraded(to: .ansi8) == .palette(4))
    }

    @Test("a degraded style stays readable: bright becomes bold, no fg on its own bg")
    func styleDegradation() {
        let alarm = RoleStyle(foreground: .palette(15), background: .palette(1), attributes: [])
        #expect(alarm.degraded(to: .ansi8) == RoleStyle(foreground: .palette(7), background: .palette(1), attributes: .bold))
        #expect(alarm.degraded(to: .ansi16) == alarm)

        let greyOnNearBlack = RoleStyle(foreground: .palette(240), background: .palette(232))
        #expect(greyOnNearBlack.degraded(to: .ansi8) == RoleStyle(foreground: nil, background: .palette(0), attributes: .dim))

        let darkOnDefault = RoleStyle(foreground: .palette(236))
        #expect(darkOnDefault.degraded(to: .ansi8) == RoleStyle(attributes: .dim))

        let black = RoleStyle(foreground: .palette(0), background: .palette(6))
        #expect(black.degraded(to: .ansi8) == black)

        #expect(alarm.degraded(to: .monochrome) == RoleStyle())
    }

    @Test("a whole theme degrades to 8 colours with only 8-colour indices left")
    func themeDegradation() throws {
        let night = try ThemeFixtures.shipped("night")
        let eight = night.degraded(to: .ansi8)
        for role in StyleRole.allCases {
            let style = eight.style(for: role)
            for color in [style.foreground, style.background].compactMap({ $0 }) {
                let index = try #require(color.paletteIndex)
                #expect(index < 8, "\(role) has \(color)")
            }
        }
        #expect(eight.style(for: .alarmHigh).background == .palette(1))
    }

    @Test("no colour at all picks the monochrome theme")
    func effectiveTheme() {
        #expect(Theme.default.effective(for: .monochrome) == Theme.monochrome)
        #expect(Theme.default.effective(for: .palette256) == Theme.default)
        #expect(Theme.default.effective(for: .ansi8).style(for: .header).foreground == .palette(7))
    }
}
