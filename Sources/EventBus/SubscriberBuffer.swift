/// The pending messages of one subscription and the bookkeeping of its overflow policy.
///
/// Only ever touched under the bus lock. Removal is by tombstone so that coalescing is
/// O(1): `slots` keeps publish order, `tombstones` names the positions that were
/// superseded, and draining skips them. Invariants:
/// - `slots` is in strictly increasing sequence order;
/// - `slotOfKey`, when present, maps each key to the newest live slot with that key
///   (it is built the first time the buffer reaches capacity after a drain: below capacity
///   nothing is coalesced, so the hot path pays no hashing);
/// - tombstones never outnumber live slots (compaction restores this), so memory is at
///   most twice the live messages.
///
/// The hot path (append, take) is `@inlinable` so that it is specialised in the module
/// that names the message type; the coalescing path is not, being rare.
@usableFromInline
struct SubscriberBuffer<Message: Sendable> {
    @usableFromInline let id: UInt64
    let name: String
    @usableFromInline let capacity: Int
    @usableFromInline let coalescingKey: (@Sendable (Message) -> AnyHashable?)?
    let onPublish: (@Sendable () -> Void)?

    @usableFromInline var slots: [Delivery<Message>] = []
    @usableFromInline var tombstones: Set<Int> = []
    @usableFromInline var slotOfKey: [AnyHashable: Int]?
    @usableFromInline var delivered: UInt64 = 0
    @usableFromInline var coalesced: UInt64 = 0
    @usableFromInline var highWaterMark = 0

    /// Consumers suspended in `next()`, first come first served; non-empty only while
    /// nothing is pending.
    @usableFromInline var waiters: [Waiter<Message>] = []

    init(id: UInt64, name: String, capacity: Int, policy: OverflowPolicy<Message>, onPublish: (@Sendable () -> Void)?) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.coalescingKey = policy.coalescingKey
        self.onPublish = onPublish
    }

    /// Messages waiting to be drained (superseded ones excluded).
    @inlinable
    var pendingCount: Int { slots.count - tombstones.count }

    /// Slots held in memory, superseded ones included (for tests of the memory bound).
    var storedCount: Int { slots.count }

    var statistics: SubscriptionStatistics {
        SubscriptionStatistics(
            delivered: delivered, coalesced: coalesced, pending: pendingCount,
            highWaterMark: highWaterMark, capacity: capacity)
    }

    // MARK: - Publishing

    /// Adds a message at the end, first removing the older pending message with the same
    /// key if the buffer is full and the policy coalesces.
    @inlinable
    mutating func append(_ delivery: Delivery<Message>) {
        if coalescingKey != nil, pendingCount >= capacity {
            appendCoalescing(delivery)
        } else {
            slots.append(delivery)
        }
        if pendingCount > highWaterMark { highWaterMark = pendingCount }
    }

    /// Adds a batch at the end: one bulk copy while the policy cannot act, else message by
    /// message.
    @inlinable
    mutating func append(contentsOf deliveries: [Delivery<Message>]) {
        if coalescingKey == nil || pendingCount + deliveries.count <= capacity {
            slots.append(contentsOf: deliveries)
            if pendingCount > highWaterMark { highWaterMark = pendingCount }
        } else {
            for delivery in deliveries { append(delivery) }
        }
    }

    @usableFromInline
    mutating func appendCoalescing(_ delivery: Delivery<Message>) {
        guard let coalescingKey else { return slots.append(delivery) }
        if slotOfKey == nil { slotOfKey = makeKeyIndex() }
        guard let key = coalescingKey(delivery.message) else { return slots.append(delivery) }
        if let superseded = slotOfKey?[key] {
            tombstones.insert(superseded)
            coalesced += 1
        }
        slotOfKey?[key] = slots.count
        slots.append(delivery)
        if tombstones.count > pendingCount { compact() }
    }

    /// Maps each key to its newest live slot.
    private func makeKeyIndex() -> [AnyHashable: Int] {
        guard let coalescingKey else { return [:] }
        var index: [AnyHashable: Int] = [:]
        for (position, delivery) in slots.enumerated() where !tombstones.contains(position) {
            if let key = coalescingKey(delivery.message) { index[key] = position }
        }
        return index
    }

    /// Drops tombstoned slots and re-indexes. Runs only when tombstones outnumber live
    /// slots, so each run is paid for by as many coalesced messages: amortised O(1).
    private mutating func compact() {
        slots = liveSlots()
        tombstones.removeAll()
        slotOfKey = makeKeyIndex()
    }

    // MARK: - Consuming

    /// The pending deliveries in order, tombstones skipped.
    @inlinable
    func liveSlots() -> [Delivery<Message>] {
        tombstones.isEmpty ? slots : liveSlotsSkippingTombstones()
    }

    @usableFromInline
    func liveSlotsSkippingTombstones() -> [Delivery<Message>] {
        var live: [Delivery<Message>] = []
        live.reserveCapacity(pendingCount)
        for (position, delivery) in slots.enumerated() where !tombstones.contains(position) {
            live.append(delivery)
        }
        return live
    }

    /// Takes everything pending, in sequence order, and empties the buffer.
    ///
    /// Without tombstones this hands over the storage itself: no copy under the lock.
    @inlinable
    mutating func takeAll() -> [Delivery<Message>] {
        let batch = liveSlots()
        slots = []
        if !tombstones.isEmpty { tombstones = [] }
        slotOfKey = nil
        delivered += UInt64(batch.count)
        return batch
    }

    /// After messages were appended: the first waiter, with everything pending, if one is
    /// suspended. The caller resumes it outside the lock.
    @inlinable
    mutating func takeWakeUp() -> WakeUp<Message>? {
        guard !waiters.isEmpty, pendingCount > 0 else { return nil }
        let waiter = waiters.removeFirst()
        return WakeUp(waiter: waiter, deliveries: takeAll())
    }
}
