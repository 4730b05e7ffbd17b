import Foundation
import InfusionCore
import Synchronization

/// Encodes and stores snapshots of the committed state on a scheduler of its own, so that
/// the writer's lock is never held while a whole clinic's state (every chair's trends) is
/// encoded: a durable operator action, or the next batch, does not wait behind it.
///
/// One snapshot at a time: while one is being taken, a newly due one waits for the next
/// write (``isBusy``). A failed one asks for another at the next write (``takeRetryRequest()``);
/// events are safe without snapshots, which only make recovery faster.
final class SnapshotTaker: Sendable {
    private let flight: SingleFlight
    private let retryRequested = Atomic<Bool>(false)

    init(scheduler: any JournalScheduler) {
        flight = SingleFlight(scheduler: scheduler)
    }

    /// Whether a snapshot is being encoded or stored now.
    var isBusy: Bool { flight.isBusy }

    /// Whether the last snapshot failed (clears the request).
    func takeRetryRequest() -> Bool { retryRequested.exchange(false, ordering: .acquiringAndReleasing) }

    /// Takes a snapshot of `state`, the state after event `tip`, off the caller's thread.
    /// The state is a value: the writer goes on changing its own copy meanwhile.
    func take(_ state: ClinicState, after tip: ChainTip, at takenAt: Date, into store: JournalStore) {
        flight.run { [self] in
            do {
                let encoded = try PayloadCoding.makeCanonicalEncoder().encode(state)
                try store.writeSnapshot(StoredSnapshot(
                    sequence: tip.sequence, eventHash: tip.hash, takenAt: takenAt.timeIntervalSinceReferenceDate, state: encoded))
            } catch {
                retryRequested.store(true, ordering: .releasing)
            }
        }
    }
}
