import Synchronization

/// One consumer's feed from an ``EventBus``: a buffer of pending deliveries in sequence
/// order, drained in batches.
///
/// A subscription receives exactly the messages whose sequence number is greater than
/// ``subscribedAfter``, minus those its ``OverflowPolicy`` coalesced. Drain it from one
/// place: `drain()` from a thread that polls (the UI loop, woken by `onPublish`), or
/// `next()` / `for await` from a task. Releasing the subscription cancels it.
public final class Subscription<Message: Sendable>: Sendable {
    /// The name given at subscription, for diagnostics.
    public let name: String

    /// The bus's `lastSequence` when this subscription was made: it receives the messages
    /// after it. A consumer that first replays a journal replays up to this number.
    public let subscribedAfter: UInt64

    @usableFromInline let bus: EventBus<Message>
    @usableFromInline let id: UInt64
    private let waiterIDs = Atomic<UInt64>(0)

    init(bus: EventBus<Message>, id: UInt64, name: String, subscribedAfter: UInt64) {
        self.bus = bus
        self.id = id
        self.name = name
        self.subscribedAfter = subscribedAfter
    }

    deinit {
        bus.remove(id)
    }

    /// Takes everything pending, in sequence order, without waiting; `[]` if nothing is.
    ///
    /// After ``cancel()`` it still returns what was pending at cancellation, then `[]`.
    @inlinable
    public func drain() -> [Delivery<Message>] {
        bus.drain(id)
    }

    /// Waits until something is pending and takes all of it, in sequence order.
    ///
    /// Suspends without busy-waiting: the next publish resumes it. If several tasks wait,
    /// the first one gets the whole batch.
    /// - Returns: `nil` once the subscription is cancelled and nothing is pending, or when
    ///   the calling task is cancelled while waiting (what is pending stays drainable).
    public func next() async -> [Delivery<Message>]? {
        let waiterID = waiterIDs.wrappingAdd(1, ordering: .relaxed).newValue
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                bus.wait(id, Waiter(id: waiterID, continuation: continuation))
            }
        } onCancel: {
            bus.abandonWait(id, waiterID: waiterID)
        }
    }

    /// Counters for diagnostics: delivered, coalesced, pending, high-water mark.
    public var statistics: SubscriptionStatistics {
        // The bus keeps the buffer for as long as this object lives.
        bus.statistics(id) ?? SubscriptionStatistics(delivered: 0, coalesced: 0, pending: 0, highWaterMark: 0, capacity: 0)
    }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool {
        bus.isCancelled(id)
    }

    /// Whether a `next()` call is suspended here; lets tests publish only once a consumer
    /// is known to be waiting.
    var hasWaiter: Bool {
        bus.hasWaiter(id)
    }

    /// Slots held in memory, superseded ones included; tests check the memory bound.
    var storedCount: Int {
        bus.storedCount(id)
    }

    /// Stops receiving new messages. A suspended `next()` returns `nil`; what was pending
    /// can still be drained. Idempotent.
    public func cancel() {
        bus.cancel(id)
    }
}

extension Subscription: AsyncSequence {
    /// Batches of deliveries, until the subscription is cancelled and drained.
    public typealias Element = [Delivery<Message>]
    public typealias Failure = Never

    /// Iterates by calling ``Subscription/next()``.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let subscription: Subscription<Message>

        /// The next batch, or `nil` at the end; see ``Subscription/next()``.
        public mutating func next() async -> [Delivery<Message>]? {
            await subscription.next()
        }
    }

    /// Makes an iterator over the batches.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(subscription: self)
    }
}
