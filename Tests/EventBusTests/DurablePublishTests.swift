import Foundation
import Testing

@testable import EventBus

@Suite("Durable publish: commit before delivery")
struct DurablePublishTests {
    struct CommitFailed: Error {}

    @Test("the commit receives earlier pending messages and the new one, in order; others get it after")
    func commitThenDeliver() throws {
        let clock = SteppedClock()
        let bus = EventBus<Int>(now: clock.now)
        let journal = bus.subscribe(name: "journal", capacity: 16, overflow: .neverDrop)
        let model = bus.subscribe(name: "model", capacity: 16, overflow: .neverDrop)
        bus.publish(1)
        bus.publish(2)

        var committed: [Delivery<Int>] = []
        let delivery = bus.publishDurably(99, flushing: journal) { batch in committed = batch }

        #expect(committed.map(\.sequence) == [1, 2, 3])
        #expect(committed.map(\.message) == [1, 2, 99])
        #expect(delivery.sequence == 3)
        #expect(delivery.publishedAt == clock.reading(2))
        #expect(journal.drain().isEmpty)  // the journal already has everything
        #expect(model.drain().map(\.message) == [1, 2, 99])
        #expect(bus.publish(4) == 4)
    }

    @Test("a failed commit publishes nothing and uses up no sequence number")
    func failedCommit() {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let journal = bus.subscribe(name: "journal", capacity: 16, overflow: .neverDrop)
        let model = bus.subscribe(name: "model", capacity: 16, overflow: .neverDrop)
        bus.publish(1)
        var handed: [Int] = []

        #expect(throws: CommitFailed.self) {
            try bus.publishDurably(99, flushing: journal) { (batch) throws(CommitFailed) in
                handed = batch.map(\.message)
                throw CommitFailed()
            }
        }

        #expect(handed == [1, 99])  // the earlier message is the committer's to keep
        #expect(bus.lastSequence == 1)
        #expect(model.drain().map(\.message) == [1])
        #expect(bus.publish(2) == 2)
        #expect(journal.drain().map(\.sequence) == [2])
    }

    @Test("subscribers' wake-ups run after a durable publish, not when it fails")
    func wakeUps() throws {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let journal = bus.subscribe(name: "journal", capacity: 16, overflow: .neverDrop)
        let calls = CallCounter()
        let model = bus.subscribe(name: "ui", capacity: 16, overflow: .neverDrop, onPublish: calls.increment)
        _ = try? bus.publishDurably(1, flushing: journal) { (_: [Delivery<Int>]) throws(CommitFailed) in throw CommitFailed() }
        #expect(calls.count == 0)
        bus.publishDurably(2, flushing: journal) { _ in }
        #expect(calls.count == 1)
        #expect(model.drain().map(\.message) == [2])
    }
}
