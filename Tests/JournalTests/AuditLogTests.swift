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
}
