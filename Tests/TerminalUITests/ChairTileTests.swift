import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// What a chair tile shows, field by field, on the demo clinic at 80x24.
@Suite struct ChairTileTests {
    let demo = ClinicFixtures.demoClinic()

    /// The text of the tile of chair `number` (1-based) on an 80x24 board.
    func tile(_ number: Int, width: Int = 80, height: Int = 24) -> (text: String, buffer: CellBuffer, rect: Rect) {
        let buffer = ScreenFixtures.frame(demo, width: width, height: height)
        let layout = BoardLayout.make(width: width, height: height, chairCount: demo.chairs.count)!
        let rect = layout.tiles[number - 1]
        let lines = buffer.lines()
        let text = (rect.y..<rect.maxY).map { row in
            String(String.UnicodeScalarView(Array(lines[row].unicodeScalars)[rect.x..<rect.maxX]))
        }.joined(separator: "\n")
        return (text, buffer, rect)
    }

    @Test func infusingTileShowsEveryField() {
        let text = tile(1).text
        for field in ["CHAIR-01", "A.T. 0001", "INFUSING", "20:00/40:00", "0.75mg/kg/h", "60.0mL/h", "Dose 19.9/40.0mg",
                      "HR ", "SpO2 ", "RR ", "EtCO2 ", "BP 124/78(93) 4m", "MON ✓", "PMP ✓", "SIM"] {
            #expect(text.contains(field), "tile lacks \(field):\n\(text)")
        }
    }

    @Test func rateComesFromTheReportedFlowConvertedWithWeightAndConcentration() {
        // CHAIR-06: 90 kg, pump reports 67.5 mL/h at 1 mg/mL = 0.75 mg/kg/h.
        let text = tile(6).text
        #expect(text.contains("0.75mg/kg/h 67.5mL/h"))
    }

    @Test func phasesAreShown() {
        #expect(tile(2).text.contains("PAUSED"))
        #expect(tile(2).text.contains("25:00/40:00"))
        #expect(tile(2).text.contains("pump PAUSED"))
        #expect(tile(3).text.contains("ADMITTED"))
        #expect(tile(3).text.contains("pump IDLE"))
        #expect(tile(4).text.contains("COMPLETE"))
        #expect(tile(4).text.contains("35.0/35.0mg"))
        #expect(tile(5).text.contains("OBSERVE"))
        #expect(tile(5).text.contains("obs 45:00"))
        #expect(tile(7).text.contains("free"))
    }

    @Test func staleValuesAreDimmedWithTheirAge() throws {
        // CHAIR-06's monitor was last heard 20 s ago: values dimmed, the age on the link.
        let (text, buffer, rect) = tile(6)
        #expect(text.contains("MON 20s"), "\(text)")
        let heartRate = try #require(ScreenFixtures.cells(of: "HR 9", in: buffer, within: rect))
        #expect(heartRate.allSatisfy { $0.role == .stale && $0.attributes.contains(.dim) })
        let link = try #require(ScreenFixtures.cells(of: "MON 20s", in: buffer, within: rect))
        #expect(link.allSatisfy { $0.role == .stale && $0.attributes.contains(.dim) })
    }

    @Test func expiredAndUnavailableValuesShowDashes() throws {
        // CHAIR-08: SpO2 probe off, NIBP 45 minutes old, no EtCO2 ever.
        let (text, buffer, _) = tile(8)
        #expect(text.contains("SpO2 --"))
        #expect(text.contains("BP --"))
        #expect(text.contains("EtCO2 --"))
        #expect(!text.contains("119/75"))
        let dashes = try #require(ScreenFixtures.cells(of: "SpO2 --", in: buffer))
        #expect(dashes.allSatisfy { $0.attributes.contains(.dim) })
    }

    @Test func lostAndSilentLinksAreMarkedNotByColourAlone() throws {
        let (text, buffer, _) = tile(7)
        #expect(text.contains("MON ✗"))
        #expect(text.contains("PMP --"))
        let lost = try #require(ScreenFixtures.cells(of: "MON ✗", in: buffer))
        #expect(lost.allSatisfy { $0.role == .technical && $0.attributes.contains(.bold) })
    }

    @Test func selectedTileIsMarkedByRoleAttributeAndGlyph() throws {
        let buffer = ScreenFixtures.frame(demo, screen: ScreenState(selectedIndex: 1), width: 80, height: 24)
        let selected = try #require(ScreenFixtures.cells(of: "►CHAIR-02", in: buffer))
        #expect(selected.allSatisfy { $0.role == .selected && $0.attributes.contains(.reverse) })
        let other = try #require(ScreenFixtures.cells(of: "CHAIR-01", in: buffer))
        #expect(other.allSatisfy { $0.role != .selected })
        #expect(ScreenFixtures.cells(of: "►CHAIR-01", in: buffer) == nil)
    }

    @Test func simulatedChairsAndHeaderAreLabelled() throws {
        let buffer = ScreenFixtures.frame(demo, width: 80, height: 24)
        let banner = try #require(ScreenFixtures.cells(of: "SIMULATED DEVICES", in: buffer))
        #expect(banner.allSatisfy { $0.role == .simulated })
        for number in 1...8 { #expect(tile(number).text.contains("SIM"), "chair \(number) not labelled SIM") }
    }

    @Test func numbersNeverHaveANakedDecimal() {
        let text = ScreenFixtures.text(ScreenFixtures.frame(demo, width: 120, height: 40))
        #expect(!text.contains(" .") && !text.contains("/."))
    }
}
