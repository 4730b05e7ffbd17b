/// Everything the bus lock protects.
@usableFromInline
struct BusState<Message: Sendable> {
    @usableFromInline var lastSequence: UInt64
    var nextSubscriptionID: UInt64 = 0
    /// Subscriptions that receive new messages, in subscription order. An array, not a
    /// dictionary: there are a handful, publish walks all of them, and `Array.indices`
    /// (unlike `Dictionary.Values.indices`) holds no reference to the storage, so each
    /// buffer is mutated in place rather than copied.
    @usableFromInline var active: [SubscriberBuffer<Message>] = []
    /// Cancelled subscriptions still alive: they receive nothing, but keep what was
    /// pending and their statistics until the ``Subscription`` is released.
    @usableFromInline var retired: [UInt64: SubscriberBuffer<Message>] = [:]
    /// The active subscriptions' `onPublish` callbacks, kept as one array so a publish
    /// hands them out of the lock without allocating.
    @usableFromInline var publishHooks: [@Sendable () -> Void] = []

    @inlinable
    func activeIndex(of id: UInt64) -> Int? {
        active.firstIndex { $0.id == id }
    }

    /// The buffer of a subscription, active or retired.
    func buffer(_ id: UInt64) -> SubscriberBuffer<Message>? {
        activeIndex(of: id).map { active[$0] } ?? retired[id]
    }

    init(lastSequence: UInt64) {
        self.lastSequence = lastSequence
    }

    mutating func rebuildHooks() {
        publishHooks = active.compactMap(\.onPublish)
    }
}

/// What a publish must do once the lock is released.
@usableFromInline
struct PublishOutcome<Message: Sendable>: Sendable {
    @usableFromInline let sequences: ClosedRange<UInt64>
    @usableFromInline let hooks: [@Sendable () -> Void]
    @usableFromInline let wakeUps: [WakeUp<Message>]

    @inlinable
    init(sequences: ClosedRange<UInt64>, hooks: [@Sendable () -> Void], wakeUps: [WakeUp<Message>]) {
        self.sequences = sequences
        self.hooks = hooks
        self.wakeUps = wakeUps
    }

    @inlinable
    func notify() {
        for wakeUp in wakeUps { wakeUp.resume() }
        for hook in hooks { hook() }
    }
}
