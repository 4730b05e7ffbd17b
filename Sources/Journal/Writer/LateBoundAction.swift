import Synchronization

/// An action connected after its owner is made (it captures the owner weakly) and called
/// from any thread: what the writer's batch trigger and tick gate run on a publish.
///
/// The closure is kept inside a struct, never as the `Mutex`'s own value. With Swift 6.3, a
/// function stored directly as `Mutex<(@Sendable () -> Void)?>` is wrapped in one more
/// reabstraction thunk at every `withLock` (the `inout` value crosses abstraction levels and
/// is written back re-wrapped): each call leaked 32 bytes and lengthened the chain of thunks
/// the next call runs through, by 64 bytes of stack. The writer's tick gate did that on
/// every lapse and publish, a few times a second in a quiet clinic: a steady climb in the
/// resident set (found by heaptrack in issue #8's 8-hour run), slower calls, and in the
/// end a stack overflow. A struct's stored function is not re-wrapped. This is Swift's
/// issue swiftlang/swift#91348 (reported at -Onone; with 6.3.1 the release build does it
/// too); the fix proposed in swiftlang/swift#91770 is not in our toolchain.
final class LateBoundAction: Sendable {
    private struct Connected: Sendable {
        let run: @Sendable () -> Void
    }

    private let connected = Mutex<Connected?>(nil)

    init() {}

    /// Sets (or replaces) what ``callAsFunction()`` runs.
    func connect(_ run: @escaping @Sendable () -> Void) {
        connected.withLock { $0 = Connected(run: run) }
    }

    /// Runs the connected action outside the lock; does nothing before ``connect(_:)``.
    func callAsFunction() {
        connected.withLock { $0 }?.run()
    }
}
