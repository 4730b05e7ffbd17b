public import Foundation
public import Synchronization  // public: the inlinable hot path uses Mutex

/// An in-process, typed publish/subscribe bus with a total order.
///
/// Devices publish; the model, the journal and the screen subscribe. Guarantees:
/// - **Total order.** Every subscriber sees every message published after it subscribed,
///   in the same order. `publish` holds the bus lock while it assigns the sequence number
///   and appends to every subscriber's buffer, so concurrent publishers are serialised.
/// - **Gap-free sequences.** Sequence numbers start at `firstSequence` and increase by one
///   per message in publish order; ``publish(contentsOf:)`` takes consecutive numbers with
///   no other publisher's message in between.
/// - **Bounded, stated overflow.** Each subscriber has its own buffer with a capacity and
///   an ``OverflowPolicy``; a slow subscriber never slows the publisher or another
///   subscriber, and messages are dropped only when the policy says a newer one
///   supersedes them.
/// - **No blocking.** Publishing never waits for a consumer. Consumers either poll with
///   ``Subscription/drain()`` (the UI thread, woken by `onPublish`) or suspend in
///   ``Subscription/next()`` (a Swift concurrency task).
///
/// ```swift
/// let bus = EventBus<ClinicEvent>(now: clock.now, firstSequence: journal.lastSequence + 1)
/// let journalFeed = bus.subscribe(name: "journal", capacity: 4096, overflow: .neverDrop)
/// bus.publish(.vitals(sample))
/// for await batch in journalFeed { try journal.append(batch) }
/// ```
public final class EventBus<Message: Sendable>: Sendable {
    // Internal but usable from inlinable code: `publish` and `drain` are inlined into the
    // caller's module so they are specialised for its message type. Unspecialised, every
    // publish looked up generic metadata for each internal type it touched (measured ten
    // times slower across modules).
    @usableFromInline let state: Mutex<BusState<Message>>
    @usableFromInline let now: @Sendable () -> Date

    /// Makes an empty bus.
    ///
    /// - Parameters:
    ///   - now: The clock stamped on each delivery. It is read under the bus lock (so
    ///     `publishedAt` never goes backwards along the sequence if the clock does not):
    ///     it must be cheap and must not call the bus.
    ///   - firstSequence: The sequence number of the first message, at least 1; after a
    ///     restart, pass the journal's last sequence + 1 so numbers stay unique.
    public init(now: @escaping @Sendable () -> Date, firstSequence: UInt64 = 1) {
        precondition(firstSequence >= 1, "sequence 0 means 'nothing published yet'")
        self.now = now
        self.state = Mutex(BusState(lastSequence: firstSequence - 1))
    }

    /// The sequence number of the last message published, or `firstSequence - 1` if none.
    public var lastSequence: UInt64 {
        state.withLock { $0.lastSequence }
    }

    /// Runs `body` under the bus lock.
    @inlinable
    func withState<Result>(_ body: (inout sending BusState<Message>) -> sending Result) -> sending Result {
        state.withLock(body)
    }

    // MARK: - Publishing

    /// Publishes one message to every current subscriber.
    ///
    /// Never blocks on consumers; calls each subscriber's `onPublish` and resumes a
    /// waiting `next()` after releasing the lock.
    /// - Returns: The sequence number given to the message.
    @inlinable @discardableResult
    public func publish(_ message: Message) -> UInt64 {
        let outcome = state.withLock { state in
            state.lastSequence += 1
            let delivery = Delivery(sequence: state.lastSequence, publishedAt: now(), message: message)
            var wakeUps: [WakeUp<Message>] = []
            for index in state.active.indices {
                state.active[index].append(delivery)
                if let wakeUp = state.active[index].takeWakeUp() { wakeUps.append(wakeUp) }
            }
            return PublishOutcome(sequences: state.lastSequence...state.lastSequence, hooks: state.publishHooks, wakeUps: wakeUps)
        }
        outcome.notify()
        return outcome.sequences.lowerBound
    }

    /// Publishes several messages atomically: they take consecutive sequence numbers, share
    /// one timestamp, and no other publisher's message comes between them.
    ///
    /// Use it for what belongs together, such as the events of one operator action, and
    /// for bulk feeds (one lock and one wake-up per batch instead of per message).
    /// - Returns: The sequence numbers given, or `nil` for an empty array (no number is
    ///   used up).
    @inlinable @discardableResult
    public func publish(contentsOf messages: [Message]) -> ClosedRange<UInt64>? {
        guard !messages.isEmpty else { return nil }
        let outcome = state.withLock { state in
            let first = state.lastSequence + 1
            let publishedAt = now()
            var deliveries: [Delivery<Message>] = []
            deliveries.reserveCapacity(messages.count)
            for message in messages {
                state.lastSequence += 1
                deliveries.append(Delivery(sequence: state.lastSequence, publishedAt: publishedAt, message: message))
            }
            var wakeUps: [WakeUp<Message>] = []
            for index in state.active.indices {
                state.active[index].append(contentsOf: deliveries)
                if let wakeUp = state.active[index].takeWakeUp() { wakeUps.append(wakeUp) }
            }
            return PublishOutcome(sequences: first...state.lastSequence, hooks: state.publishHooks, wakeUps: wakeUps)
        }
        outcome.notify()
        return outcome.sequences
    }

    // MARK: - Subscribing

    /// Starts a subscription that receives every message published from now on.
    ///
    /// - Parameters:
    ///   - name: For diagnostics ("journal", "ui").
    ///   - capacity: How many pending messages the consumer may fall behind before the
    ///     overflow policy acts; at least 1.
    ///   - overflow: What happens beyond the capacity; see ``OverflowPolicy``.
    ///   - onPublish: Called after each publish that appended to this subscription, outside
    ///     the bus lock and on the publisher's thread. Keep it short and non-blocking: the
    ///     UI writes one byte to a non-blocking wake-up pipe here (it must clear the pipe
    ///     before draining, not after, or a wake-up can be lost). A publish racing with
    ///     ``Subscription/cancel()`` may still call it once after `cancel()` returns.
    /// - Returns: The subscription; dropping it cancels it.
    public func subscribe(
        name: String, capacity: Int, overflow: OverflowPolicy<Message>,
        onPublish: (@Sendable () -> Void)? = nil
    ) -> Subscription<Message> {
        precondition(capacity >= 1, "a subscription needs room for at least one message")
        let (id, subscribedAfter) = state.withLock { state in
            let id = state.nextSubscriptionID
            state.nextSubscriptionID += 1
            state.active.append(SubscriberBuffer(id: id, name: name, capacity: capacity, policy: overflow, onPublish: onPublish))
            state.rebuildHooks()
            return (id, state.lastSequence)
        }
        return Subscription(bus: self, id: id, name: name, subscribedAfter: subscribedAfter)
    }
}
