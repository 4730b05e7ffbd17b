import Synchronization

/// Runs the journal's checkpoints on a background scheduler, one at a time, beside the
/// writer (``JournalStore/checkpoint()`` uses a connection of its own). A failed or
/// skipped checkpoint costs nothing but a longer WAL: the next one copies that too, and
/// the writer's own backstop checkpoint stays in place.
final class Checkpointer: Sendable {
    private let scheduler: any JournalScheduler
    private let busy = Atomic<Bool>(false)

    init(scheduler: any JournalScheduler) {
        self.scheduler = scheduler
    }

    /// Whether a checkpoint is running now.
    var isBusy: Bool { busy.load(ordering: .acquiring) }

    /// Starts a checkpoint of `store` unless one is running; returns whether it started.
    @discardableResult
    func run(_ store: JournalStore) -> Bool {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return false
        }
        scheduler.schedule(after: 0) { [self] in
            defer { busy.store(false, ordering: .releasing) }
            try? store.checkpoint()
        }
        return true
    }
}
