import EventBus
import Foundation
import InfusionCore

/// Everything the writer's lock protects: the open store, the chain tip, the state as
/// committed, and the events accepted but not yet on disk.
///
/// Invariant: `unwritten` holds, in sequence order, exactly the events after `tip` that
/// the writer has taken from the bus; nothing leaves it except by a committed write.
struct WriterCore {
    let policy: JournalPolicy
    let openStore: @Sendable () throws(JournalError) -> JournalStore
    let builder = RowBuilder()
    let snapshots: SnapshotTaker
    /// Background checkpoints (`JournalStore.checkpoint()`, its own connection), so that
    /// the writer's connection never has to copy and sync the WAL itself.
    let checkpoints: SingleFlight
    var store: JournalStore?
    var tip: ChainTip
    var state: ClinicState
    var unwritten: [Delivery<ClinicEventPayload>] = []
    var eventsSinceSnapshot: Int
    /// Rows written since the last background checkpoint was started.
    var rowsSinceCheckpoint = 0
    var lastSnapshotAt: Date?
    var failures = 0
    var failureReason: String?
    /// Batch ticks to let pass before the next write attempt after a failure.
    var ticksUntilRetry = 0
    var isRunning = false

    var health: JournalHealth {
        JournalHealth(
            isFailing: failureReason != nil, reason: failureReason, unwrittenCount: unwritten.count,
            lastCommittedSequence: tip.sequence, consecutiveFailures: failures)
    }

    /// Writes `unwritten` followed by `extra` in one transaction. On success `unwritten`
    /// is empty; on failure it is unchanged (`extra` is not added), the store is closed to
    /// be reopened on the next try, and the retry backoff grows.
    mutating func write(extra: [Delivery<ClinicEventPayload>] = [], durable: Bool) throws(JournalError) {
        let batch = extra.isEmpty ? unwritten : unwritten + extra
        guard !batch.isEmpty else { return }
        do throws(JournalError) {
            let store: JournalStore
            if let open = self.store { store = open } else { store = try openStore() }
            self.store = store
            try store.completeCreation()
            let last: EventRow
            if batch.count >= policy.pipelineThreshold {
                (last, state) = try RowPipeline.append(batch, after: tip, state: state, to: store, durable: durable)
            } else {
                var newState = state
                let rows = try builder.rows(for: batch, after: tip, state: &newState)
                try store.append(rows, durable: durable)
                last = rows[rows.count - 1]
                state = newState
            }
            tip = ChainTip(sequence: last.sequence, hash: last.hash)
            unwritten = []
            failures = 0
            failureReason = nil
            ticksUntilRetry = 0
            eventsSinceSnapshot += batch.count
            rowsSinceCheckpoint += batch.count
        } catch {
            store = nil
            failures += 1
            failureReason = error.reason
            ticksUntilRetry = policy.retryTicks(afterFailures: failures)
            throw error
        }
        snapshotIfDue()
        checkpointIfDue()
    }

    /// Starts a background checkpoint every `policy.checkpointEvery` rows.
    mutating func checkpointIfDue() {
        guard let store, rowsSinceCheckpoint >= policy.checkpointEvery, checkpoints.run({ try? store.checkpoint() }) else {
            return
        }
        rowsSinceCheckpoint = 0
    }

    /// Hands a snapshot of the committed state to the snapshot taker when enough events or
    /// time have passed. One still being taken defers a new one to the next write; a
    /// failed one is asked for again at the next write: events are safe without it.
    mutating func snapshotIfDue() {
        guard let store, let at = state.lastEventAt, !snapshots.isBusy else { return }
        let since = lastSnapshotAt ?? at
        if lastSnapshotAt == nil { lastSnapshotAt = at }
        let retry = snapshots.takeRetryRequest()
        guard retry || eventsSinceSnapshot >= policy.snapshotEvery || at.timeIntervalSince(since) >= policy.snapshotInterval else {
            return
        }
        snapshots.take(state, after: tip, at: at, into: store)
        eventsSinceSnapshot = 0
        lastSnapshotAt = at
    }
}
