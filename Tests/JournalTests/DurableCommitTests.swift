import EventBus
import Foundation
import InfusionCore
import Synchronization
import Testing
@testable import Journal

@Suite("Durable commits of operator actions")
struct DurableCommitTests {
    /// An "operator action" until a later issue adds real ones: any non-device event.
    static let action = ClinicEventPayload.sessionPhaseChanged(SessionPhaseChange(
        chair: EventFixtures.chair(1), session: SessionID("S-1"), phase: .observation, at: EventFixtures.origin))

    @Test("an action published between vitals lands in chain order with everything before it")
    func chainOrder() throws {
        let harness = try JournalHarness()
        harness.publish(EventFixtures.setup(chairs: 1))
        harness.publish([EventFixtures.vitals(chair: 1, heartRate: 70, at: EventFixtures.origin)])

        let sequence = try harness.writer.commitDurably(Self.action)
        #expect(sequence == 6)
        #expect(try harness.storedSequences() == [1, 2, 3, 4, 5, 6])  // on disk before it returns

        harness.publish([EventFixtures.vitals(chair: 1, heartRate: 71, at: EventFixtures.origin)])
        try harness.writer.flush()
        #expect(try harness.storedKinds().suffix(3) == ["vitalsObserved", "sessionPhaseChanged", "vitalsObserved"])
        #expect(try JournalAudit.verify(databasePath: harness.path).verifiedCount == 7)
    }

    @Test("other subscribers see the action only once it is committed")
    func deliveredAfterCommit() throws {
        let harness = try JournalHarness()
        let seen = Mutex<[UInt64]>([])
        let store = harness.store
        // The UI's wake-up runs after the publish; at that moment the row must be on disk.
        let ui = harness.bus.subscribe(name: "ui", capacity: 16, overflow: .neverDrop) {
            let stored = (try? store.eventCount()) ?? -1
            seen.withLock { $0.append(UInt64(stored)) }
        }
        harness.publish([EventFixtures.vitals(chair: 1, heartRate: 70, at: EventFixtures.origin)])
        try harness.writer.commitDurably(Self.action)

        #expect(seen.withLock { $0 } == [0, 2])  // vitals: not yet written; action: both written
        #expect(ui.drain().map(\.sequence) == [1, 2])
    }

    @Test("the completion form runs on the scheduler and reports the sequence")
    func completion() throws {
        let harness = try JournalHarness()
        let result = Mutex<Result<UInt64, JournalError>?>(nil)
        harness.writer.commitDurably(Self.action) { outcome in result.withLock { $0 = outcome } }
        #expect(result.withLock { $0 } == nil)
        harness.scheduler.runReady()
        #expect(result.withLock { $0 } == .success(1))
    }
}
