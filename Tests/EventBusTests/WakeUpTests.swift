import Foundation
import Synchronization
import Testing

@testable import EventBus

@Suite("Waking consumers and cancelling")
struct WakeUpTests {
    /// Lets the task running `next()` reach its suspension point. Yields instead of
    /// sleeping: the loop ends as soon as the waiter is registered.
    private func untilWaiting(_ subscription: Subscription<Int>) async {
        while !subscription.hasWaiter { await Task.yield() }
    }

    @Test("onPublish is called once per publish or batch, and not after cancel")
    func onPublishCalled() {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let wakeUps = CallCounter()
        let other = CallCounter()
        let ui = bus.subscribe(name: "ui", capacity: 4, overflow: .neverDrop, onPublish: wakeUps.increment)
        let journal = bus.subscribe(name: "journal", capacity: 4, overflow: .neverDrop, onPublish: other.increment)

        bus.publish(1)
        bus.publish(contentsOf: [2, 3, 4])
        bus.publish(contentsOf: [])
        #expect(wakeUps.count == 2)

        ui.cancel()
        bus.publish(5)
        #expect(wakeUps.count == 2)
        #expect(other.count == 3)
        #expect(journal.drain().count == 5)
    }

    @Test("onPublish runs outside the bus lock: it may drain")
    func onPublishMayCallTheBus() {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let box = SubscriptionBox()
        let drained = CallCounter()
        box.subscription = bus.subscribe(name: "ui", capacity: 4, overflow: .neverDrop) {
            for _ in box.subscription?.drain() ?? [] { drained.increment() }
        }
        bus.publish(1)
        bus.publish(2)
        #expect(drained.count == 2)
    }

    @Test("next() returns what is pending without waiting")
    func nextWhenPending() async {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let subscription = bus.subscribe(name: "model", capacity: 4, overflow: .neverDrop)
        bus.publish(contentsOf: [1, 2])
        #expect(await subscription.next()?.map(\.message) == [1, 2])
    }

    @Test("a suspended next() wakes up on publish")
    func nextWakesOnPublish() async {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let subscription = bus.subscribe(name: "model", capacity: 4, overflow: .neverDrop)
        let consumer = Task { await subscription.next() }
        await untilWaiting(subscription)

        bus.publish(42)

        let batch = await consumer.value
        #expect(batch?.map(\.message) == [42])
        #expect(batch?.map(\.sequence) == [1])
        #expect(subscription.statistics.delivered == 1)
    }

    @Test("cancel() makes a waiting next() return nil")
    func cancelWakesWaiter() async {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let subscription = bus.subscribe(name: "model", capacity: 4, overflow: .neverDrop)
        let consumer = Task { await subscription.next() }
        await untilWaiting(subscription)

        subscription.cancel()

        #expect(await consumer.value == nil)
        #expect(subscription.isCancelled)
    }

    @Test("after cancel, what was pending is still handed out, then nil")
    func cancelKeepsPending() async {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let subscription = bus.subscribe(name: "model", capacity: 4, overflow: .neverDrop)
        bus.publish(1)
        subscription.cancel()
        bus.publish(2)

        #expect(await subscription.next()?.map(\.message) == [1])
        #expect(await subscription.next() == nil)
        #expect(subscription.drain().isEmpty)
        #expect(bus.lastSequence == 2)
    }

    @Test("for await ends once the subscription is cancelled and drained")
    func asyncSequenceEnds() async {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let subscription = bus.subscribe(name: "model", capacity: 4, overflow: .neverDrop)
        bus.publish(contentsOf: [1, 2, 3])
        subscription.cancel()

        var received: [Int] = []
        for await batch in subscription { received += batch.map(\.message) }
        #expect(received == [1, 2, 3])
    }

    @Test("cancelling the waiting task returns nil and keeps later messages for drain")
    func taskCancellation() async {
        let bus = EventBus<Int>(now: SteppedClock().now)
        let subscription = bus.subscribe(name: "model", capacity: 4, overflow: .neverDrop)
        let consumer = Task { await subscription.next() }
        await untilWaiting(subscription)

        consumer.cancel()

        #expect(await consumer.value == nil)
        #expect(!subscription.hasWaiter)
        bus.publish(7)
        #expect(subscription.drain().map(\.message) == [7])
    }

    @Test("releasing a subscription unregisters it")
    func releaseUnregisters() {
        let bus = EventBus<Int>(now: SteppedClock().now)
        var subscription: Subscription<Int>? = bus.subscribe(name: "temp", capacity: 1, overflow: .neverDrop)
        #expect(bus.subscriptionCount == 1)
        subscription?.cancel()
        #expect(bus.subscriptionCount == 1, "a cancelled subscription keeps its pending messages")
        subscription = nil
        #expect(bus.subscriptionCount == 0)
        _ = subscription
    }
}

/// Lets an `onPublish` closure reach the subscription it belongs to.
private final class SubscriptionBox: Sendable {
    private let slot = Mutex<Subscription<Int>?>(nil)

    var subscription: Subscription<Int>? {
        get { slot.withLock { $0 } }
        set { slot.withLock { $0 = newValue } }
    }
}
