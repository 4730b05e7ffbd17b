import Foundation
import Testing

@testable import EventBus

@Suite("Ordering and sequence numbers")
struct OrderingTests {
    @Test("sequences start at 1 and are gap-free in publish order")
    func gapFreeFromOne() {
        let clock = SteppedClock()
        let bus = EventBus<Int>(now: clock.now)
        let subscription = bus.subscribe(name: "test", capacity: 16, overflow: .neverDrop)
        #expect(bus.lastSequence == 0)

        let returned = (10..<15).map { bus.publish($0) }

        #expect(returned == [1, 2, 3, 4, 5])
        let deliveries = subscription.drain()
        #expect(deliveries.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(deliveries.map(\.message) == [10, 11, 12, 13, 14])
        #expect(deliveries.map(\.publishedAt) == (0..<5).map(clock.reading))
        #expect(bus.lastSequence == 5)
        #expect(subscription.drain().isEmpty)
    }

    @Test("firstSequence is honoured, after a journal replay for example")
    func firstSequenceHonoured() {
        let bus = EventBus<String>(now: SteppedClock().now, firstSequence: 1_000)
        #expect(bus.lastSequence == 999)
        let subscription = bus.subscribe(name: "test", capacity: 4, overflow: .neverDrop)
        #expect(subscription.subscribedAfter == 999)

        #expect(bus.publish("a") == 1_000)
        #expect(bus.publish(contentsOf: ["b", "c"]) == 1_001...1_002)
        #expect(subscription.drain().map(\.sequence) == [1_000, 1_001, 1_002])
    }

    @Test("a subscription receives only what is published after it subscribed")
    func lateSubscriber() {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let early = bus.subscribe(name: "early", capacity: 8, overflow: .neverDrop)
        bus.publish(1)
        let late = bus.subscribe(name: "late", capacity: 8, overflow: .neverDrop)
        bus.publish(2)

        #expect(late.subscribedAfter == 1)
        #expect(early.drain().map(\.message) == [1, 2])
        #expect(late.drain().map(\.message) == [2])
    }

    @Test("a batch takes consecutive sequences and one timestamp; empty batches use none")
    func batchPublish() {
        let clock = SteppedClock()
        let bus = EventBus<Int>(now: clock.now)
        let subscription = bus.subscribe(name: "test", capacity: 8, overflow: .neverDrop)

        bus.publish(0)
        #expect(bus.publish(contentsOf: []) == nil)
        let range = bus.publish(contentsOf: [1, 2, 3])

        #expect(range == 2...4)
        #expect(bus.lastSequence == 4)
        let deliveries = subscription.drain()
        #expect(deliveries.map(\.sequence) == [1, 2, 3, 4])
        #expect(deliveries.dropFirst().allSatisfy { $0.publishedAt == clock.reading(1) })
    }

    @Test("concurrent publishers: every subscriber sees one gap-free order, batches unbroken")
    func concurrentPublishers() async {
        let publishers = 4
        let singles = 500
        let batches = 50
        let batchSize = 5
        let bus = EventBus<Tagged>(now: SteppedClock().now, firstSequence: 7)
        let subscriptions = (0..<3).map {
            bus.subscribe(name: "s\($0)", capacity: 64, overflow: .neverDrop)
        }

        await withTaskGroup(of: Void.self) { group in
            for publisher in 0..<publishers {
                group.addTask {
                    for index in 0..<singles {
                        bus.publish(Tagged(publisher: publisher, index: index, batch: nil))
                        if index % 10 == 0 {
                            let batch = (0..<batchSize).map {
                                Tagged(publisher: publisher, index: $0, batch: index / 10)
                            }
                            bus.publish(contentsOf: batch)
                        }
                    }
                }
            }
        }

        let total = publishers * (singles + batches * batchSize)
        let received = subscriptions.map { $0.drain() }
        let expectedSequences = Array(7..<UInt64(7 + total))
        for deliveries in received {
            #expect(deliveries.map(\.sequence) == expectedSequences)
            #expect(deliveries.map(\.message) == received[0].map(\.message))
        }
        let messages = received[0].map(\.message)
        for publisher in 0..<publishers {
            let own = messages.filter { $0.publisher == publisher && $0.batch == nil }
            #expect(own.map(\.index) == Array(0..<singles), "publisher \(publisher) kept its order")
        }
        // Each batch's five messages sit next to each other, in order.
        for (position, message) in messages.enumerated() where message.batch != nil && message.index == 0 {
            let run = messages[position..<position + batchSize]
            #expect(run.allSatisfy { $0.publisher == message.publisher && $0.batch == message.batch })
            #expect(run.map(\.index) == Array(0..<batchSize))
        }
        #expect(bus.lastSequence == UInt64(6 + total))
    }
}

/// A message that says who published it, and where.
struct Tagged: Sendable, Equatable {
    let publisher: Int
    let index: Int
    let batch: Int?
}
