import Foundation
import Synchronization

extension EventBus {
    /// Publishes one message only after `commit` has made it durable, so that no other
    /// subscriber can see it (and so no screen can show it as accepted) before it is on disk.
    ///
    /// Under the bus lock, in this order:
    /// 1. takes everything pending on `subscription` (the journal's feed): the messages
    ///    published before this one that the journal has not drained yet;
    /// 2. stamps the message with the next sequence number and the clock;
    /// 3. calls `commit` with those pending deliveries followed by the new one, in
    ///    sequence order;
    /// 4. only if `commit` returns, appends the message to every *other* subscriber's
    ///    buffer (the flushing subscription already received it through `commit`).
    ///
    /// If `commit` throws, the message is not published and its sequence number is not
    /// used up (no gap). The pending deliveries handed to `commit` have left
    /// `subscription` either way: `commit` owns them and must keep them if it cannot
    /// write them.
    ///
    /// `commit` runs under the bus lock: every publisher waits for it, so it must be as
    /// short as one durable transaction, and it must not call the bus (the lock is not
    /// re-entrant). A consumer that drains `subscription` elsewhere must serialise its
    /// writes with `commit` (the journal holds its own lock around both), or an older
    /// drained batch could be written after this commit.
    ///
    /// ```swift
    /// let delivery = try bus.publishDurably(.rateChanged(change), flushing: journalFeed) { batch in
    ///     try store.append(batch, synchronous: .full)
    /// }
    /// ```
    /// - Returns: The published delivery (its sequence number and time stamp).
    @discardableResult
    public func publishDurably<Failure: Error>(
        _ message: Message,
        flushing subscription: Subscription<Message>,
        commit: ([Delivery<Message>]) throws(Failure) -> Void
    ) throws(Failure) -> Delivery<Message> {
        let (delivery, outcome) = try state.withLock { (state) throws(Failure) -> (Delivery<Message>, PublishOutcome<Message>) in
            let feedID = subscription.id
            var batch: [Delivery<Message>]
            if let feedIndex = state.activeIndex(of: feedID) {
                batch = state.active[feedIndex].takeAll()
            } else {
                batch = state.retired[feedID]?.takeAll() ?? []
            }
            let delivery = Delivery(sequence: state.lastSequence + 1, publishedAt: now(), message: message)
            batch.append(delivery)
            try commit(batch)
            state.lastSequence = delivery.sequence
            var wakeUps: [WakeUp<Message>] = []
            var hooks: [@Sendable () -> Void] = []
            for index in state.active.indices where state.active[index].id != feedID {
                state.active[index].append(delivery)
                if let wakeUp = state.active[index].takeWakeUp() { wakeUps.append(wakeUp) }
                if let hook = state.active[index].onPublish { hooks.append(hook) }
            }
            let outcome = PublishOutcome(
                sequences: delivery.sequence...delivery.sequence, hooks: hooks, wakeUps: wakeUps)
            return (delivery, outcome)
        }
        outcome.notify()
        return delivery
    }
}
