import Foundation
import InfusionCore
import Testing
@testable import Journal

@Suite("The readable audit log")
struct AuditLogTests {
    @Test("lists non-device events with old -> new, filtered by session and chair")
    func log() throws {
        let harness = try JournalHarness()
        let at = EventFixtures.origin
        harness.publish(EventFixtures.setup(chairs: 2) + [
            EventFixtures.sessionStart(chair: 1, session: "S-1", at: at),
            EventFixtures.vitals(chair: 1, heartRate: 70, at: at),
            .sessionPhaseChanged(SessionPhaseChange(chair: EventFixtures.chair(1), session: SessionID("S-1"), phase: .observation, at: at)),
            .deviceLinkChanged(DeviceLinkChange(chair: EventFixtures.chair(2), device: EventFixtures.monitor(2), state: .lost, at: at)),
            .sessionEnded(SessionEnd(chair: EventFixtures.chair(1), session: SessionID("S-1"), at: at)),
        ])
        try harness.writer.flush()

        let session = try JournalAudit.operatorActions(databasePath: harness.path, session: "S-1")
        #expect(session.map(\.what) == ["Session started", "Phase", "Session closed"])
        #expect(session[1].oldValue == "ADMITTED")
        #expect(session[1].newValue == SessionPhase.observation.label)
        #expect(session[1].line.contains("CHAIR-1  S-1  system  Phase: ADMITTED -> \(SessionPhase.observation.label)"))

        let chair2 = try JournalAudit.operatorActions(databasePath: harness.path, chair: "CHAIR-2")
        #expect(chair2.map(\.what) == ["Chair configured", "Device registered", "Device registered", "Link MON2"])
        #expect(chair2.last?.newValue == "lost")

        let all = try JournalAudit.operatorActions(databasePath: harness.path)
        #expect(all.count == 1 + 6 + 4)  // clinic, 2 x (chair, 2 devices), session events, link
        #expect(!all.contains { $0.sequence == 9 })  // the vitals
    }

    @Test("a rate change shows who, old -> new in both units and the reason; sign-in events show who")
    func operatorActions() throws {
        let harness = try JournalHarness()
        let at = EventFixtures.origin
        let who = OperatorIdentity(user: UserID("dr.demo"), printedName: "Dr. Demo", role: .physician)
        harness.publish(EventFixtures.setup(chairs: 1) + [
            EventFixtures.sessionStart(chair: 1, session: "S-1", at: at),
            .operatorSignedIn(OperatorSignIn(identity: who, at: at)),
            .rateChangeOrdered(RateChangeOrder(
                chair: EventFixtures.chair(1), session: SessionID("S-1"), by: who, at: at,
                oldRate: MilligramsPerKilogramPerHour(0.95), newRate: MilligramsPerKilogramPerHour(1.05),
                oldFlow: MillilitersPerHour(66.5), newFlow: MillilitersPerHour(73.5),
                concentration: MilligramsPerMilliliter(1), weight: Kilograms(70), reason: "per written physician order",
                overrodeSoftLimit: true, deadline: at.addingTimeInterval(10))),
        ])
        try harness.writer.flush()
        let entries = try JournalAudit.operatorActions(databasePath: harness.path)
        let change = try #require(entries.first { $0.what.hasPrefix("Rate change") })
        #expect(change.who == "dr.demo")
        #expect(change.what == "Rate change (soft limit passed)")
        #expect(change.oldValue == "0.95 mg/kg/h (66.5 mL/h)")
        #expect(change.newValue == "1.05 mg/kg/h (73.5 mL/h) at 1.00 mg/mL, 70.0 kg")
        #expect(change.reason == "per written physician order")
        #expect(entries.contains { $0.what == "Signed in" && $0.who == "dr.demo" })
    }
}
