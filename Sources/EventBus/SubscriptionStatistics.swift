/// Counters for one subscription, for a diagnostics panel and for tests.
///
/// A consistent snapshot: all fields are read together under the bus lock.
public struct SubscriptionStatistics: Sendable, Hashable {
    /// Messages handed to the consumer so far by `drain()` or `next()`.
    public var delivered: UInt64

    /// Messages removed by the overflow policy because a newer message with the same key
    /// arrived while the buffer was full. Always 0 under ``OverflowPolicy/neverDrop``.
    public var coalesced: UInt64

    /// Messages waiting to be drained now.
    public var pending: Int

    /// The most messages ever pending at once. Above ``capacity`` it shows that messages
    /// the policy may not drop piled up while the consumer was behind.
    public var highWaterMark: Int

    /// The capacity the subscription was made with.
    public var capacity: Int

    /// Makes a statistics value, for comparing in tests.
    public init(delivered: UInt64, coalesced: UInt64, pending: Int, highWaterMark: Int, capacity: Int) {
        self.delivered = delivered
        self.coalesced = coalesced
        self.pending = pending
        self.highWaterMark = highWaterMark
        self.capacity = capacity
    }
}
