import EventBus
import Foundation
import GRDB
import InfusionCore
import Testing
@testable import Journal

@Suite("Rows built on a second thread while inserted (RowPipeline)")
struct RowPipelineTests {
    /// Every column of every row, in order.
    static func storedRows(_ harness: JournalHarness) throws -> [[DatabaseValue]] {
        try harness.store.database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY sequence").map { Array($0.databaseValues) }
        }
    }

    static func policy(pipelined: Bool) -> JournalPolicy {
        var policy = JournalPolicy()
        policy.pipelineThreshold = pipelined ? 1 : Int.max
        return policy
    }

    @Test("a pipelined batch stores the same rows and state as one built first", arguments: [1, 7, 42] as [UInt64])
    func sameRows(seed: UInt64) throws {
        // 1,100 events in one batch: five chunks, the last one short.
        let payloads = EventFixtures.randomStream(seed: seed, count: 1_100)
        var results: [(rows: [[DatabaseValue]], state: ClinicState)] = []
        for pipelined in [true, false] {
            let harness = try JournalHarness(policy: Self.policy(pipelined: pipelined))
            harness.publish(payloads)
            try harness.writer.flush()
            harness.updateLive()
            #expect(harness.writer.committedState == harness.liveState)
            results.append((try Self.storedRows(harness), harness.writer.committedState))
            #expect(try JournalAudit.verify(databasePath: harness.path).verifiedCount == payloads.count)
        }
        #expect(results[0].rows.count == payloads.count)
        #expect(results[0].rows == results[1].rows)
        #expect(results[0].state == results[1].state)
    }

    @Test("a pipelined write that fails keeps every event, and the next one writes them all")
    func failureKeepsEvents() throws {
        let harness = try JournalHarness(policy: Self.policy(pipelined: true), startReadOnly: true)
        harness.writer.start()
        let payloads = EventFixtures.randomStream(seed: 5, count: 600)
        harness.publish(payloads)
        harness.scheduler.advance(by: 0.25)
        #expect(harness.writer.health.isFailing)
        #expect(harness.writer.health.unwrittenCount == payloads.count)
        #expect(try harness.storedSequences().isEmpty)

        harness.readOnlyFlag.set(false)
        harness.scheduler.advance(by: 5)
        #expect(!harness.writer.health.isFailing)
        #expect(try harness.storedSequences() == Array(1...UInt64(payloads.count)))
        harness.updateLive()
        #expect(harness.writer.committedState == harness.liveState)
        #expect(try JournalAudit.verify(databasePath: harness.path).verifiedCount == payloads.count)
    }

    @Test("rows from a source that fails part-way are rolled back, none kept")
    func sourceFailureRollsBack() throws {
        let harness = try JournalHarness()
        harness.publish(EventFixtures.randomStream(seed: 2, count: 300))
        let deliveries = harness.updateLive()
        var state = ClinicState()
        let rows = try RowBuilder().rows(for: deliveries, after: .empty, state: &state)
        var handed = 0
        #expect(throws: JournalError.self) {
            _ = try harness.store.append(durable: false) { () throws(JournalError) -> [EventRow]? in
                handed += 1
                if handed == 1 { return Array(rows.prefix(100)) }
                throw JournalError.writeFailed("the builder failed")
            }
        }
        #expect(handed == 2)
        #expect(try harness.storedSequences().isEmpty)
        // The store is still usable, and the same rows go in whole.
        try harness.store.append(rows, durable: false)
        let stored = try harness.storedSequences()
        #expect(stored == deliveries.map(\.sequence))
        #expect(stored.count > 100)
    }

    @Test("the channel hands chunks over in order, then the end, or the sender's failure")
    func channelOrder() throws {
        let channel = RowChunkChannel()
        let row = EventRow(
            sequence: 1, receivedAt: 0, deviceTime: nil, chair: nil, session: nil, kind: "k", payload: "{}",
            previousHash: ChainHash.genesis, hash: ChainHash.genesis)
        var second = row
        second.sequence = 2
        #expect(channel.send([row]))
        #expect(channel.send([second]))
        channel.finish(state: ClinicState())
        #expect(try channel.next()?.map(\.sequence) == [1])
        #expect(try channel.next()?.map(\.sequence) == [2])
        #expect(try channel.next() == nil)
        #expect(channel.finalState() == ClinicState())

        let failing = RowChunkChannel()
        failing.fail(JournalError.writeFailed("cannot encode event 9"))
        #expect(throws: JournalError.self) { try failing.next() }

        let cancelled = RowChunkChannel()
        cancelled.cancel()
        #expect(!cancelled.send([row]))
    }
}
