import Synchronization

// MARK: - Serving subscriptions

/// What ``Subscription`` asks of its bus; all of it under the bus lock.
extension EventBus {
    @inlinable
    func drain(_ id: UInt64) -> [Delivery<Message>] {
        withState { state in
            if let index = state.activeIndex(of: id) { return state.active[index].takeAll() }
            return state.retired[id]?.takeAll() ?? []
        }
    }

    func statistics(_ id: UInt64) -> SubscriptionStatistics? {
        withState { $0.buffer(id)?.statistics }
    }

    func isCancelled(_ id: UInt64) -> Bool {
        withState { $0.activeIndex(of: id) == nil }
    }

    /// Subscriptions still alive, cancelled or not (for tests).
    var subscriptionCount: Int {
        withState { $0.active.count + $0.retired.count }
    }

    /// Slots the subscription holds in memory, superseded ones included (for tests).
    func storedCount(_ id: UInt64) -> Int {
        withState { $0.buffer(id)?.storedCount ?? 0 }
    }

    /// Whether a `next()` is suspended on the subscription (for tests).
    func hasWaiter(_ id: UInt64) -> Bool {
        withState { state in
            guard let index = state.activeIndex(of: id) else { return false }
            return !state.active[index].waiters.isEmpty
        }
    }

    /// Hands the waiter what is pending at once, or parks it until the next publish.
    /// Runs on the waiting task, so `Task.isCancelled` is that task's.
    func wait(_ id: UInt64, _ waiter: Waiter<Message>) {
        let wakeUp = withState { state -> WakeUp<Message>? in
            guard let index = state.activeIndex(of: id) else {
                let batch = state.retired[id]?.takeAll() ?? []
                return WakeUp(waiter: waiter, deliveries: batch.isEmpty ? nil : batch)
            }
            if state.active[index].pendingCount > 0 {
                return WakeUp(waiter: waiter, deliveries: state.active[index].takeAll())
            }
            if Task.isCancelled { return WakeUp(waiter: waiter, deliveries: nil) }
            state.active[index].waiters.append(waiter)
            return nil
        }
        wakeUp?.resume()
    }

    /// Resumes a waiter whose task was cancelled with `nil`, unless a publish already did.
    func abandonWait(_ id: UInt64, waiterID: UInt64) {
        let waiter = withState { state -> Waiter<Message>? in
            guard let index = state.activeIndex(of: id),
                let position = state.active[index].waiters.firstIndex(where: { $0.id == waiterID })
            else { return nil }
            return state.active[index].waiters.remove(at: position)
        }
        waiter?.continuation.resume(returning: nil)
    }

    /// Stops delivery to the subscription and resumes its waiters with `nil` (a waiter
    /// exists only while nothing is pending). What is pending stays drainable.
    func cancel(_ id: UInt64) {
        let waiters = withState { state -> [Waiter<Message>] in
            guard let index = state.activeIndex(of: id) else { return [] }
            var buffer = state.active.remove(at: index)
            state.rebuildHooks()
            let waiters = buffer.waiters
            buffer.waiters = []
            state.retired[id] = buffer
            return waiters
        }
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
    }

    /// Forgets the subscription entirely; called when the ``Subscription`` is released.
    func remove(_ id: UInt64) {
        cancel(id)
        withState { _ = $0.retired.removeValue(forKey: id) }
    }
}
