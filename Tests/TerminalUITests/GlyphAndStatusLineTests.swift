import Foundation
import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// ASCII mode, the headless status line, and the small text helpers.
@Suite struct GlyphAndStatusLineTests {
    let demo = ClinicFixtures.demoClinic()

    @Test func asciiGlyphSetIsASCII() {
        #expect(GlyphSet.ascii.isASCII)
        #expect(!GlyphSet.unicode.isASCII)
    }

    @Test(arguments: [
        ScreenState(), ScreenState(mode: .detail(ChairID("CHAIR-01"))), ScreenState(overlay: .help),
        ScreenState(overlay: .quitConfirmation),
    ])
    func asciiScreensContainNoNonASCIIScalar(screen: ScreenState) {
        for (width, height) in [(80, 24), (120, 40), (50, 10)] {
            let text = ScreenFixtures.text(ScreenFixtures.frame(demo, screen: screen, width: width, height: height,
                                                                glyphs: .ascii))
            let offending = text.unicodeScalars.filter { !$0.isASCII }
            #expect(offending.isEmpty, "non-ASCII \(String(String.UnicodeScalarView(offending))) at \(width)x\(height)")
        }
    }

    @Test func glyphSetFollowsTheCodeset() {
        #expect(GlyphSet.forCodeset("UTF-8") == .unicode)
        #expect(GlyphSet.forCodeset("utf8") == .unicode)
        #expect(GlyphSet.forCodeset("ANSI_X3.4-1968") == .ascii)
    }

    @Test func statusLineOfAnInfusingChair() throws {
        let chair = try #require(demo[chair: ChairID("CHAIR-01")])
        let line = StatusLine.text(for: chair, in: demo, now: ClinicFixtures.now)
        #expect(line.hasPrefix("CHAIR-01 A.T. 0001 INFUSING 20:00/40:00 0.75mg/kg/h 60.0mL/h 19.9/40.0mg HR "))
        #expect(line.contains("BP 124/78(93) 4m"))
        #expect(line.hasSuffix("MON ok PMP ok SIM"))
    }

    @Test func statusLineSaysStaleInWords() throws {
        let line = StatusLine.text(for: try #require(demo[chair: ChairID("CHAIR-06")]), in: demo, now: ClinicFixtures.now)
        #expect(line.contains("(stale 20s)"))
        let free = StatusLine.text(for: try #require(demo[chair: ChairID("CHAIR-07")]), in: demo, now: ClinicFixtures.now)
        #expect(free.contains("CHAIR-07 free"))
        #expect(free.contains("MON lost PMP no data"))
    }

    @Test func statusLinesCoverEveryChair() {
        #expect(StatusLine.lines(for: demo, now: ClinicFixtures.now).count == 8)
    }

    @Test func timeOfDayUsesTheZone() {
        #expect(TimeOfDay.text(ClinicFixtures.now, in: DisplayZone.fixed(secondsFromGMT: 0)) == "09:00:00")
        #expect(TimeOfDay.text(ClinicFixtures.now, in: DisplayZone.fixed(secondsFromGMT: 3600 + 1800)) == "10:30:00")
        #expect(TimeOfDay.text(ClinicFixtures.start.addingTimeInterval(-9 * 3600 - 1), in: DisplayZone.fixed(secondsFromGMT: 0))
            == "22:59:59")
    }

    @Test func sparklineUsesTheRampAndLeavesGaps() {
        let line = Sparkline.text([0, nil, 10, 5], glyphs: .unicode)
        #expect(line == "▁ █▅" || line == "▁ █▄")
        let flat = Sparkline.text([1, 1], glyphs: .ascii)
        #expect(flat.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func footerLegendComesFromTheKeyMap() {
        let text = ScreenFixtures.text(ScreenFixtures.frame(demo, width: 120, height: 40))
        #expect(text.contains(KeyMap.standard.legend(glyphs: .unicode).prefix(40)))
    }
}
