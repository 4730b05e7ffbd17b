import Synchronization

/// Messages for the operator posted from other threads (the journal's queue), read by the UI loop.
public final class OperatorFeedback: Sendable {
    private let messages = Mutex<[String]>([])

    public init() {}

    /// Leaves a message for the next frame.
    public func post(_ message: String) {
        messages.withLock { $0.append(message) }
    }

    /// Takes every message posted since the last call.
    public func take() -> [String] {
        messages.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }
}
