import Foundation
import Synchronization

/// A value computed on a thread of its own; `value` waits for it.
///
/// For start-up work that can overlap other start-up work (parsing themes while the
/// journal opens), not for anything after the first frame: the UI thread never waits.
final class Background<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }.start()
    }

    /// The computed value, waiting for it the first time.
    var value: Value {
        if let value = result.withLock({ $0 }) { return value }
        done.wait()
        return result.withLock { $0! }
    }
}
