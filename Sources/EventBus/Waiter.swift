/// A consumer suspended in ``Subscription/next()``, resumed by the next publish.
///
/// A class on purpose: `CheckedContinuation` is a resilient type whose layout is known
/// only at run time, so any struct or optional holding it makes every publish look up
/// generic metadata (measured: most of the publish cost). A reference has a fixed layout.
@usableFromInline
final class Waiter<Message: Sendable>: Sendable {
    /// Tells this waiter apart from others on the same subscription, so that task
    /// cancellation removes exactly the waiter it belongs to.
    let id: UInt64
    @usableFromInline let continuation: CheckedContinuation<[Delivery<Message>]?, Never>

    init(id: UInt64, continuation: CheckedContinuation<[Delivery<Message>]?, Never>) {
        self.id = id
        self.continuation = continuation
    }
}

/// A waiter to resume, and what to resume it with; made under the lock, used outside it.
@usableFromInline
struct WakeUp<Message: Sendable>: Sendable {
    @usableFromInline let waiter: Waiter<Message>
    @usableFromInline let deliveries: [Delivery<Message>]?

    @inlinable
    init(waiter: Waiter<Message>, deliveries: [Delivery<Message>]?) {
        self.waiter = waiter
        self.deliveries = deliveries
    }

    @inlinable
    func resume() {
        waiter.continuation.resume(returning: deliveries)
    }
}
