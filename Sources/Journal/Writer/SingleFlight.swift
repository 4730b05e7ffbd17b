import Synchronization

/// Background work for the journal (snapshots, checkpoints), one piece at a time, on a
/// scheduler of its own: while one runs, another is refused and stays due for the writer
/// to offer again after its next write. Nothing here is needed for the events to be
/// safe; it only keeps start-up fast and the WAL short without holding the writer's lock.
final class SingleFlight: Sendable {
    private let scheduler: any JournalScheduler
    private let busy = Atomic<Bool>(false)

    init(scheduler: any JournalScheduler) {
        self.scheduler = scheduler
    }

    /// Whether a piece of work is queued or running now.
    var isBusy: Bool { busy.load(ordering: .acquiring) }

    /// Queues `work` unless another is queued or running; returns whether it was queued.
    @discardableResult
    func run(_ work: @escaping @Sendable () -> Void) -> Bool {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            return false
        }
        scheduler.schedule(after: 0) { [self] in
            defer { busy.store(false, ordering: .releasing) }
            work()
        }
        return true
    }
}
