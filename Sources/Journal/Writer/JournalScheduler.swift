public import Foundation

/// Where and when the journal writer runs its timed work (batch ticks, retries, durable
/// commits handed over with a completion).
///
/// Production uses ``DispatchJournalScheduler``, a serial queue of its own (never the UI
/// thread); tests inject a manual scheduler and advance it by hand, so nothing sleeps.
public protocol JournalScheduler: Sendable {
    /// Runs `work` after `delay` seconds (0: as soon as possible), off the caller's thread.
    func schedule(after delay: TimeInterval, _ work: @escaping @Sendable () -> Void)
}

/// A ``JournalScheduler`` on a private serial dispatch queue.
public struct DispatchJournalScheduler: JournalScheduler {
    private let queue: DispatchQueue

    /// Makes a scheduler on a new serial queue with the given label.
    public init(label: String = "infusion-central.journal") {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    public func schedule(after delay: TimeInterval, _ work: @escaping @Sendable () -> Void) {
        if delay <= 0 {
            queue.async(execute: work)
        } else {
            queue.asyncAfter(deadline: .now() + delay, execute: work)
        }
    }
}
