import Foundation
import InfusionCore
import Testing
@testable import Reports

@Suite("Session report from the journal")
struct SessionReportLoaderTests {
    static func signedReport() throws -> (ScriptedJournal, SessionReport) {
        let journal = try ScriptedJournal(ReportFixtures.signedSession())
        let report = try SessionReportLoader(databasePath: journal.path).report(for: ReportFixtures.session)
        return (journal, report)
    }

    @Test("identifiers, order and weight come from the admission")
    func identifiers() throws {
        let (journal, report) = try Self.signedReport()
        #expect(report.clinicName == "Riverside Clinic")
        #expect(report.patient.name == ReportFixtures.patientName)
        #expect(report.order.doseRate.formatted == "0.75")
        #expect(report.order.plannedDose.formatted == "35.3")
        #expect(report.order.plannedFlow.formatted == "52.9")
        #expect(report.weights.map(\.weight.formatted) == ["70.5"])
        #expect(report.baseline.map(\.kind) == [.heartRate, .spo2, .systolic, .diastolic])
        #expect(report.hasSimulatedDevices)
        _ = journal
    }

    @Test("dose given is the integral of the reported rate, as the screen shows it")
    func dose() throws {
        let (journal, report) = try Self.signedReport()
        // 52.875 mL/h for 15.5 min, 63.45 mL/h for 9.75 + 11.75 min, at 1 mg/mL.
        let expected = 52.875 * 15.5 / 60 + 63.45 * 21.5 / 60
        #expect(abs(report.doseGiven.quantity.value - expected) < 0.0001)
        #expect(report.infusionSeconds == (15.5 + 9.75 + 11.75) * 60)
        #expect(report.infusionStartedAt == SessionScript.at(5))
        #expect(report.infusionEndedAt == SessionScript.at(44))
        _ = journal
    }

    @Test("rate changes carry both units, who, why, and the pump's confirmation")
    func rateChanges() throws {
        let (journal, report) = try Self.signedReport()
        let change = try #require(report.rateChanges.first)
        #expect(report.rateChanges.count == 1)
        #expect(ReportWords.change(change.oldRate, change.newRate) == "0.75 → 0.90 mg/kg/h")
        #expect(ReportWords.change(change.oldFlow, change.newFlow) == "52.9 → 63.5 mL/h")
        #expect(change.by == "dr.lee (Dr. A. Lee, Physician)")
        #expect(change.reason == "tolerating well, <no> side effects")
        #expect(change.confirmedAt == SessionScript.at(20.5))
        #expect(report.controlOrders.map(\.action) == [.pause, .resume])
        _ = journal
    }

    @Test("alarms are listed raised, acknowledged and ended")
    func alarms() throws {
        let (journal, report) = try Self.signedReport()
        #expect(report.alarms.map(\.text) == ["SYS 184>180", "SpO2 89<90"])
        #expect(report.alarms[0].acknowledgedBy == "rn.kim")
        #expect(report.alarms[0].endedAt == SessionScript.at(38))
        #expect(report.alarms[1].acknowledgedAt == nil)
        _ = journal
    }

    @Test("phases, clinical entries and the signature are in the report, and the binding verifies")
    func signOff() throws {
        let (journal, report) = try Self.signedReport()
        #expect(report.phases.map(\.phase) == [.admitted, .infusing, .paused, .infusing, .infusionComplete, .observation, .readyForDischarge, .signedOff])
        #expect(report.dissociationScores.map(\.total) == [0, 5])
        #expect(report.interventions.map(\.detail) == ["ondansetron 4 mg IV"])
        #expect(report.checklist.map(\.isMet) == [true, true, true, true])
        #expect(report.checklist.first?.result.hasPrefix("9/10") == true)
        let signature = try #require(report.signature)
        #expect(signature.signerName == "Dr. A. Lee")
        #expect(signature.meaning == "Reviewed and approved for discharge")
        #expect(signature.recordHash.count == 64)
        #expect(signature.verifies)
        #expect(report.status == .signed)
        #expect(report.closedAt == SessionScript.at(103))
        _ = journal
    }

    @Test("the timeline holds per-minute vitals, each NIBP, and pump changes only")
    func timeline() throws {
        let (journal, report) = try Self.signedReport()
        #expect(report.timeline.filter { $0.heartRate != nil }.count == 12)
        #expect(report.timeline.filter { $0.systolic != nil }.count == 7)
        #expect(report.timeline.compactMap(\.pumpStatus) == [.infusing, .infusing, .paused, .infusing, .complete])
        #expect(report.timeline.first { $0.pumpStatus == .paused }?.doseRate?.quantity == .zero)
        #expect(report.timeline.map(\.at) == report.timeline.map(\.at).sorted())
        _ = journal
    }

    @Test("an unknown session and a missing journal are clear errors")
    func errors() throws {
        let journal = try ScriptedJournal(ReportFixtures.signedSession())
        let loader = try SessionReportLoader(databasePath: journal.path)
        #expect(throws: ReportError.unknownSession("S-404")) { try loader.report(for: SessionID("S-404")) }
        let missing = journal.directory.url.appendingPathComponent("none.sqlite")
        #expect(throws: ReportError.self) { try SessionReportLoader(databasePath: missing) }
        #expect(throws: ReportError.unknownFormat("pdf")) { try ReportFormat(name: "pdf") }
    }
}
