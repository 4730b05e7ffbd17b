import EventBus
import Foundation
import GRDB
import InfusionCore
import Testing
import TestSupport
@testable import Journal

@Suite("Recovery by snapshot and replay")
struct RecoveryTests {
    /// Journals a random stream the way the station would: devices publish, the writer
    /// batches, and some events arrive as durable commits.
    static func journal(_ payloads: [ClinicEventPayload], on harness: JournalHarness, seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        for payload in payloads {
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<5: try harness.writer.commitDurably(payload)
            case 5..<10:
                harness.bus.publish(payload)
                try harness.writer.flush()
            default: harness.bus.publish(payload)
            }
            // Snapshots are taken on the (manual) scheduler, between writes.
            harness.scheduler.runReady()
        }
        try harness.writer.flush()
        harness.scheduler.runReady()
        harness.updateLive()
    }

    @Test("replay equals the live state over randomized streams", arguments: [1, 2, 3, 4, 5, 42] as [UInt64])
    func equivalence(seed: UInt64) throws {
        var policy = JournalPolicy()
        policy.snapshotEvery = 97
        let harness = try JournalHarness(policy: policy)
        let payloads = EventFixtures.randomStream(seed: seed, count: 700)
        try Self.journal(payloads, on: harness, seed: seed)

        let recovered = try JournalRecovery.load(from: harness.path)
        #expect(recovered.state == harness.liveState)
        #expect(recovered.lastSequence == UInt64(payloads.count))
        #expect(recovered.replayedCount < payloads.count)  // a snapshot was used
        #expect(harness.writer.committedState == harness.liveState)
        #expect(try JournalRecovery.replayAll(from: harness.store).state == harness.liveState)
    }

    @Test("snapshot + replay equals full replay, and a restart continues the chain")
    func snapshotAndRestart() throws {
        var policy = JournalPolicy()
        policy.snapshotEvery = 50
        let first = try JournalHarness(policy: policy)
        let payloads = EventFixtures.randomStream(seed: 9, count: 400, chairs: 3)
        try Self.journal(Array(payloads.prefix(200)), on: first, seed: 9)
        let snapshots = try first.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM snapshot") }
        #expect((1...JournalStore.keptSnapshots).contains(snapshots ?? 0))
        first.writer.stop()

        let second = try JournalHarness(policy: policy, directory: first.directory)
        #expect(second.liveState == first.liveState)
        #expect(second.bus.lastSequence == 200)
        try Self.journal(Array(payloads.dropFirst(200)), on: second, seed: 10)

        let withSnapshot = try JournalRecovery.load(from: second.store)
        let full = try JournalRecovery.replayAll(from: second.store)
        #expect(withSnapshot.state == full.state)
        #expect(withSnapshot.state == second.liveState)
        #expect(full.replayedCount == payloads.count)
        #expect(withSnapshot.replayedCount < 50)
        #expect(try JournalAudit.verify(databasePath: second.path).verifiedCount == payloads.count)
    }

    @Test("a snapshot whose event was altered is not trusted")
    func staleSnapshotIgnored() throws {
        var policy = JournalPolicy()
        policy.snapshotEvery = 10
        let harness = try JournalHarness(policy: policy)
        try Self.journal(EventFixtures.randomStream(seed: 3, count: 30), on: harness, seed: 3)
        #expect(try harness.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM snapshot") } ?? 0 > 0)
        try JournalHarness.tamper(harness.path, "UPDATE snapshot SET event_hash = zeroblob(32)")
        let recovered = try JournalRecovery.load(from: harness.path)
        #expect(recovered.replayedCount == 30 + EventFixtures.setup(chairs: 4).count)
        #expect(recovered.state == harness.liveState)
    }

    @Test("an empty journal recovers to the empty state")
    func empty() throws {
        let directory = TemporaryDirectory()
        let recovered = try JournalRecovery.load(from: directory.journalPath)
        #expect(recovered.lastSequence == 0)
        #expect(recovered.lastEventAt == nil)
        #expect(recovered.state == ClinicState())
    }
}

@Suite("Snapshots are taken off the writer's lock")
struct SnapshotTakerTests {
    @Test("a due snapshot waits on its scheduler; the writer goes on; one at a time")
    func snapshotRunsOnItsScheduler() throws {
        var policy = JournalPolicy()
        policy.snapshotEvery = 10
        let harness = try JournalHarness(policy: policy)
        let count = { try harness.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM snapshot") } ?? 0 }
        harness.publish(EventFixtures.randomStream(seed: 4, count: 30))
        try harness.writer.flush()
        #expect(try count() == 0)  // handed over, not yet taken
        #expect(harness.scheduler.pendingCount == 1)
        harness.publish(EventFixtures.randomStream(seed: 5, count: 30))
        try harness.writer.flush()  // due again, but one is still being taken: deferred
        #expect(harness.scheduler.pendingCount == 1)
        harness.scheduler.runReady()
        #expect(try count() == 1)
        harness.publish(EventFixtures.randomStream(seed: 6, count: 1))
        try harness.writer.flush()  // the deferred one goes now
        harness.scheduler.runReady()
        #expect(try count() == 2)
        let recovered = try JournalRecovery.load(from: harness.path)
        #expect(recovered.replayedCount == 0)  // the deferred snapshot is of the newest event
        #expect(recovered.state == harness.writer.committedState)
    }
}

@Suite("Checkpoints run beside the writer")
struct BackgroundCheckpointTests {
    @Test("after checkpointEvery rows a checkpoint is queued; it copies the WAL into the database file")
    func checkpointCopiesTheWAL() throws {
        var policy = JournalPolicy()
        policy.checkpointEvery = 40
        policy.snapshotEvery = .max
        policy.snapshotInterval = .infinity
        let harness = try JournalHarness(policy: policy)
        let fileSize = { (try FileManager.default.attributesOfItem(atPath: harness.path.path)[.size] as? NSNumber)?.intValue ?? 0 }
        harness.publish(EventFixtures.randomStream(seed: 8, count: 200))
        try harness.writer.flush()
        let before = try fileSize()
        #expect(harness.scheduler.pendingCount == 1)  // queued, not run by the writer
        harness.scheduler.runReady()
        #expect(try fileSize() > before)
        #expect(try JournalRecovery.load(from: harness.path).state == harness.writer.committedState)
    }
}
