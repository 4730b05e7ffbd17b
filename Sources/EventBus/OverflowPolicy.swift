/// What a subscription does when its consumer falls behind and its buffer is full.
///
/// The capacity given to ``EventBus/subscribe(name:capacity:overflow:onPublish:)`` bounds
/// the number of buffered messages *as far as the policy allows*. Neither policy ever drops
/// a message that it cannot prove to be superseded, so safety-relevant messages (pump
/// reports, operator actions, session events) always arrive; the price is that the buffer
/// may grow past its capacity, which ``SubscriptionStatistics/highWaterMark`` records.
///
/// ```swift
/// // Journal: every event, whatever it costs.
/// bus.subscribe(name: "journal", capacity: 4096, overflow: .neverDrop)
/// // Screen: only the latest vitals per chair matter while the UI is behind.
/// bus.subscribe(name: "ui", capacity: 512, overflow: .coalescing { $0.vitalsKey })
/// ```
public struct OverflowPolicy<Message: Sendable>: Sendable {
    /// The key under which a newer message supersedes an older pending one, or `nil` for
    /// a policy that never coalesces.
    let coalescingKey: (@Sendable (Message) -> AnyHashable?)?

    /// Keeps every message: the buffer grows past its capacity if the consumer is slow.
    ///
    /// Use it for consumers that must see everything, such as the journal.
    public static var neverDrop: OverflowPolicy {
        OverflowPolicy(coalescingKey: nil)
    }

    /// Messages for which `key` returns non-nil may be replaced by a NEWER message with the
    /// same key while the subscriber's buffer is full; messages with a nil key are never
    /// dropped.
    ///
    /// When the buffer holds `capacity` or more pending messages and a message with key
    /// `K` arrives, the most recent older pending message with key `K` (if any) is removed
    /// and counted in ``SubscriptionStatistics/coalesced``; the new message is appended at
    /// the end either way, so the order of what remains is still the publish order. Memory
    /// therefore stays bounded by capacity + number of distinct keys + nil-key messages.
    ///
    /// - Parameter key: Which messages supersede each other, for example
    ///   `(chair, vital sign)` for a vitals sample; `nil` for messages that must all arrive.
    ///   Called under the bus lock: it must be cheap and must not call the bus.
    public static func coalescing<Key: Hashable & Sendable>(
        by key: @escaping @Sendable (Message) -> Key?
    ) -> OverflowPolicy {
        OverflowPolicy { message in key(message).map { AnyHashable($0) } }
    }
}
