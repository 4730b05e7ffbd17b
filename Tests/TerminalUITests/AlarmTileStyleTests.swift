import Foundation
import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// Roles and attributes of alarms on the board: priority by role AND marker AND word, in
/// the default and the monochrome theme; flashing; highlighted values; states.
@Suite struct AlarmTileStyleTests {
    /// CHAIR-01's header row at 80x24 (left tile, row 1).
    static let header = Rect(x: 0, y: 1, width: 39, height: 1)

    func frame(_ clinic: ClinicState, at now: Date = ClinicFixtures.now, flashing: Bool = true) -> CellBuffer {
        var context = ScreenFixtures.context(now: now)
        context.flashing = flashing
        return ScreenRenderer().frame(width: 80, height: 24, clinic: clinic, screen: ScreenState(), context: context)
    }

    /// CHAIR-01's header row (elapsed times and the clock move with `now`; the header only flashes).
    func tile(_ buffer: CellBuffer) -> [Cell] {
        (0..<40).map { x in buffer[x, 1] }
    }

    /// How `cell` looks under `theme`: its role's attributes plus its own (colours aside).
    func look(_ cell: Cell, _ theme: Theme) -> TextAttributes { theme.style(for: cell.role).attributes.union(cell.attributes) }

    @Test(arguments: AlarmPriority.allCases)
    func headerCarriesPriorityAsRoleMarkerAndWord(_ priority: AlarmPriority) throws {
        let buffer = frame(ClinicFixtures.clinic(alarm: priority))
        let label = priority.marker + " " + priority.word
        let marker = try #require(ScreenFixtures.cells(of: label, in: buffer, within: Self.header), "\(label) on the header")
        let role: StyleRole = [.low: .alarmLow, .medium: .alarmMedium, .high: .alarmHigh][priority]!
        #expect(marker.allSatisfy { $0.role == role && $0.attributes == AlarmStyle.attributes(for: priority) })
        // The rest of the header row (the patient) is drawn in the priority's role too.
        let patient = try #require(ScreenFixtures.cells(of: "A.T. 0001", in: buffer, within: Self.header))
        #expect(patient.allSatisfy { $0.role == role })
        // Monochrome: every priority looks different from the others and from a quiet header.
        let quiet = try #require(ScreenFixtures.cells(of: "G.H. 0002", in: buffer))[0]
        let mono = look(marker[0], .monochrome)
        #expect(mono != look(quiet, .monochrome))
        #expect(mono == [.high: [.reverse, .bold], .medium: .reverse, .low: [.bold, .underline]][priority])
        for other in AlarmPriority.allCases where other != priority {
            let otherLook = Theme.monochrome.style(for: AlarmStyle.role(for: other)).attributes
                .union(AlarmStyle.attributes(for: other))
            #expect(mono != otherLook, "\(priority) vs \(other)")
        }
        // Default theme: the role has its own colours, and its own attribute too.
        #expect(Theme.default.style(for: role).background != nil || Theme.default.style(for: role).attributes.contains(.underline))
    }

    @Test func theAlarmingValueIsHighlighted() throws {
        let buffer = frame(ClinicFixtures.alarmClinic())
        let spo2 = try #require(ScreenFixtures.cells(of: "SpO2 82", in: buffer))
        #expect(spo2.allSatisfy { $0.role == .alarmHigh && $0.attributes.contains(.bold) })
        let heartRate = try #require(ScreenFixtures.cells(of: "HR 145", in: buffer))
        #expect(heartRate.allSatisfy { $0.role == .alarmMedium })
        let quiet = try #require(ScreenFixtures.cells(of: "RR ", in: buffer))
        #expect(quiet.allSatisfy { $0.role == .text })
    }

    @Test func alarmLineShowsTextStateCountAndReminders() {
        let text = ScreenFixtures.text(frame(ClinicFixtures.alarmClinic()))
        for expected in ["!!! SpO2 82<85 +1", "!! TECH MON02 NO DATA", "! EtCO2 46>45", "!! SYS 150>140 ACK",
                         "!!! SpO2 83<85 LATCHED", "SpO2 ALM OFF", "!! TECH SpO2 PROBE OFF"] {
            #expect(text.contains(expected), "\(expected) missing:\n\(text)")
        }
    }

    @Test func technicalAlarmsLookDifferent() throws {
        let buffer = frame(ClinicFixtures.alarmClinic())
        let tech = try #require(ScreenFixtures.cells(of: "TECH MON02 NO DATA", in: buffer))
        #expect(tech.allSatisfy { $0.role == .technical })
        let phys = try #require(ScreenFixtures.cells(of: "SpO2 82<85", in: buffer))
        #expect(phys.allSatisfy { $0.role == .alarmHigh })
        #expect(look(tech[0], .monochrome) != look(phys[0], .monochrome))
    }

    @Test(arguments: [(AlarmPriority.high, 0.25), (.medium, 1.0)])
    func flashingTogglesHalfAPeriodApart(_ priority: AlarmPriority, halfPeriod: TimeInterval) {
        let clinic = ClinicFixtures.clinic(alarm: priority)
        let lit = frame(clinic)
        let dark = frame(clinic, at: ClinicFixtures.now.addingTimeInterval(halfPeriod))
        let again = frame(clinic, at: ClinicFixtures.now.addingTimeInterval(2 * halfPeriod))
        #expect(tile(lit).map(\.scalar) == tile(dark).map(\.scalar), "the text never flashes away")
        #expect(tile(lit) != tile(dark), "\(priority) flashes")
        #expect(tile(lit) == tile(again))
        // In the dark half the marker stays, reversed, in its role.
        let marker = ScreenFixtures.cells(of: AlarmStyle.label(priority), in: dark, within: Self.header) ?? []
        #expect(!marker.isEmpty && marker.allSatisfy { $0.role == AlarmStyle.role(for: priority) && $0.attributes.contains(.reverse) })
        // Only the marker flashes: the rest of the row keeps its look, so a flash rewrites a
        // few cells, not the whole row.
        let changed = zip(tile(lit), tile(dark)).filter { $0 != $1 }.count
        #expect(changed <= AlarmStyle.label(priority).count + 1, "\(changed) cells change per flash")
    }

    @Test(arguments: AlarmPriority.allCases)
    func steadyWhenFlashingIsOff(_ priority: AlarmPriority) {
        let clinic = ClinicFixtures.clinic(alarm: priority)
        let first = frame(clinic, flashing: false)
        for step in [0.25, 0.5, 1.0, 1.75] {
            let later = frame(clinic, at: ClinicFixtures.now.addingTimeInterval(step), flashing: false)
            #expect(tile(later) == tile(first), "steady at +\(step)s")
            #expect(later.lines()[0] == first.lines()[0] || step >= 1, "the header marker is steady too")
        }
        #expect(ScreenFixtures.text(first).contains(AlarmStyle.label(priority)), "the marker remains")
    }

    @Test func lowAndAcknowledgedAlarmsDoNotFlash() {
        let low = ClinicFixtures.clinic(alarm: .low)
        #expect(frame(low) == frame(low, at: ClinicFixtures.now.addingTimeInterval(0.25)))
        #expect(tile(frame(low)) == tile(frame(low, at: ClinicFixtures.now.addingTimeInterval(1))))
        var script = ClinicFixtures.demoScript()
        ClinicFixtures.raise(ChairID("CHAIR-01"), .vital(.spo2), .high, "SpO2 82<85", onset: ClinicFixtures.seconds(3570),
                             at: ClinicFixtures.seconds(3580), in: &script)
        ClinicFixtures.acknowledge(ChairID("CHAIR-01"), by: "station:lee", at: ClinicFixtures.seconds(3590), in: &script)
        #expect(frame(script.state) == frame(script.state, at: ClinicFixtures.now.addingTimeInterval(0.25)))
        #expect(!AlarmStyle.isAnimating(script.state, context: ScreenFixtures.context()))
        #expect(AlarmStyle.isAnimating(ClinicFixtures.clinic(alarm: .high), context: ScreenFixtures.context()))
    }

    @Test func stationHeaderCountsAlarmsAndShowsPauseAndJournal() throws {
        var script = ClinicFixtures.alarmScript()
        ClinicFixtures.pauseAudio(by: "station:lee", at: ClinicFixtures.now.addingTimeInterval(-15), in: &script)
        var context = ScreenFixtures.context()
        context.journalFailure = "disk full"
        let buffer = ScreenRenderer().frame(width: 80, height: 24, clinic: script.state, screen: ScreenState(),
                                            context: context)
        let top = buffer.lines()[0]
        #expect(top.contains("!!! HIGH 7 alarms"), "\(top)")
        #expect(top.contains("AUDIO PAUSED 1:45"), "\(top)")
        #expect(top.contains("JOURNAL FAILING"), "\(top)")
        #expect(top.contains("SIM"), "the simulation banner is never dropped: \(top)")
        let journal = try #require(ScreenFixtures.cells(of: "JOURNAL FAILING", in: buffer))
        #expect(journal.allSatisfy { $0.role == .technical && $0.attributes.contains(.reverse) })
        let quiet = ScreenRenderer().frame(width: 80, height: 24, clinic: ClinicFixtures.demoClinic(), screen: ScreenState(),
                                           context: ScreenFixtures.context()).lines()[0]
        #expect(!quiet.contains("alarm") && !quiet.contains("PAUSED") && !quiet.contains("JOURNAL"))
    }

    @Test func audioPauseEndsInTheHeader() {
        var script = ClinicFixtures.alarmScript()
        ClinicFixtures.pauseAudio(by: "station:lee", at: ClinicFixtures.now.addingTimeInterval(-125), in: &script)
        #expect(!frame(script.state).lines()[0].contains("PAUSED"))
    }
}
