import EventBus
import Foundation
import GRDB
import InfusionCore
import Testing
@testable import Journal

@Suite("Writing and reading the journal")
struct RoundTripTests {
    @Test("events written and read back give the live state, with every column filled")
    func roundTrip() throws {
        let harness = try JournalHarness()
        let payloads = EventFixtures.setup(chairs: 2) + [
            EventFixtures.sessionStart(chair: 1, session: "S-1", at: EventFixtures.origin),
            EventFixtures.vitals(chair: 1, heartRate: 72, at: EventFixtures.origin.addingTimeInterval(1)),
        ]
        harness.publish(payloads)
        try harness.writer.flush()
        harness.updateLive()

        #expect(try harness.storedSequences() == Array(1...UInt64(payloads.count)))
        let recovered = try JournalRecovery.load(from: harness.path)
        #expect(recovered.state == harness.liveState)
        #expect(recovered.lastSequence == UInt64(payloads.count))
        #expect(recovered.lastEventAt == harness.liveState.lastEventAt)

        let row = try #require(try harness.store.read { db in
            try EventRow(.fetchOne(db, sql: "SELECT * FROM event WHERE sequence = ?", arguments: [payloads.count])!)
        })
        #expect(row.kind == "vitalsObserved")
        #expect(row.chair == "CHAIR-1")
        #expect(row.session == "S-1")  // the chair's open session, for a payload that names none
        #expect(row.deviceTime == EventFixtures.origin.addingTimeInterval(1).timeIntervalSinceReferenceDate)
        #expect(row.payload.contains("\"heartRate\"") || row.payload.contains("\"HR\""))
        #expect(row.hasValidHash)
    }

    @Test("vitals are written in batches on the tick, not one by one")
    func batching() throws {
        var policy = JournalPolicy()
        policy.batchSize = 100
        let harness = try JournalHarness(policy: policy)
        harness.writer.start()
        harness.publish(EventFixtures.setup(chairs: 1))
        harness.publish((0..<20).map { EventFixtures.vitals(chair: 1, heartRate: Double(60 + $0), at: EventFixtures.origin) })

        #expect(try harness.storedSequences().isEmpty)
        harness.scheduler.advance(by: 0.2)
        #expect(try harness.storedSequences().isEmpty)
        harness.scheduler.advance(by: 0.05)
        #expect(try harness.storedSequences().count == 24)
        #expect(harness.writer.health.unwrittenCount == 0)
        #expect(harness.writer.health.lastCommittedSequence == 24)
    }

    @Test("a full batch is written at once, before the tick")
    func batchSizeTrigger() throws {
        var policy = JournalPolicy()
        policy.batchSize = 50
        let harness = try JournalHarness(policy: policy)
        harness.writer.start()
        harness.publish((0..<49).map { EventFixtures.vitals(chair: 1, heartRate: Double($0), at: EventFixtures.origin) })
        harness.scheduler.runReady()
        #expect(try harness.storedSequences().isEmpty)
        harness.publish([EventFixtures.vitals(chair: 1, heartRate: 50, at: EventFixtures.origin)])
        harness.scheduler.runReady()
        #expect(try harness.storedSequences().count == 50)
    }

    @Test("stop writes what is pending")
    func stopFlushes() throws {
        let harness = try JournalHarness()
        harness.writer.start()
        harness.publish(EventFixtures.setup(chairs: 1))
        let health = harness.writer.stop()
        #expect(health.lastCommittedSequence == 4)
        #expect(!health.isFailing)
    }
}
