import EventBus
import Foundation
import GRDB
import InfusionCore
import Testing
@testable import Journal

@Suite("When the journal cannot be written")
struct JournalFailureTests {
    static let action = DurableCommitTests.action

    @Test("a read-only journal: failing health, events kept, actions refused, writing resumes by itself")
    func readOnly() throws {
        let harness = try JournalHarness(startReadOnly: true)
        harness.writer.start()
        harness.publish(EventFixtures.setup(chairs: 1))
        harness.scheduler.advance(by: 0.25)

        var health = harness.writer.health
        #expect(health.isFailing)
        #expect(health.reason?.contains("readonly") == true)
        #expect(health.unwrittenCount == 4)
        #expect(try harness.storedSequences().isEmpty)

        #expect(throws: JournalError.self) { try harness.writer.commitDurably(Self.action) }
        #expect(harness.bus.lastSequence == 4)  // the refused action took no number
        #expect(harness.updateLive().count == 4)  // monitoring continues, without the action
        harness.publish([EventFixtures.vitals(chair: 1, heartRate: 80, at: EventFixtures.origin)])
        harness.scheduler.advance(by: 0.5)
        #expect(harness.writer.health.unwrittenCount == 5)

        harness.readOnlyFlag.set(false)
        harness.scheduler.advance(by: 5)
        health = harness.writer.health
        #expect(!health.isFailing)
        #expect(health.reason == nil)
        #expect(health.unwrittenCount == 0)
        #expect(try harness.storedSequences() == [1, 2, 3, 4, 5])
        #expect(try harness.writer.commitDurably(Self.action) == 6)
        #expect(try JournalAudit.verify(databasePath: harness.path).verifiedCount == 6)
    }

    @Test("retries back off while failing")
    func backoff() throws {
        var policy = JournalPolicy()
        policy.maximumRetryTicks = 4
        let harness = try JournalHarness(policy: policy, startReadOnly: true)
        harness.writer.start()
        harness.publish(EventFixtures.setup(chairs: 1))
        var failures: [Int] = []
        for _ in 0..<12 {
            harness.scheduler.advance(by: 0.25)
            failures.append(harness.writer.health.consecutiveFailures)
        }
        // Tries on ticks 1, 3, 6, 11 (waits of 1, 2, 4, 4 ticks), not on every tick.
        #expect(failures == [1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4])
    }

    @Test("a journal locked by another process: failing, then resumes")
    func locked() throws {
        let harness = try JournalHarness()
        harness.writer.start()
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // the other process holds its lock across calls
        let other = try DatabaseQueue(path: harness.path.path, configuration: configuration)
        try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }

        harness.publish(EventFixtures.setup(chairs: 1))
        harness.scheduler.advance(by: 0.25)
        #expect(harness.writer.health.isFailing)
        #expect(harness.writer.health.reason?.contains("locked") == true)
        #expect(throws: JournalError.self) { try harness.writer.commitDurably(Self.action) }

        try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
        harness.scheduler.advance(by: 5)
        #expect(!harness.writer.health.isFailing)
        #expect(try harness.storedSequences() == [1, 2, 3, 4])
    }
}
