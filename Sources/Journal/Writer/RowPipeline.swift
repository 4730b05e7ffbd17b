import EventBus
import Foundation
import InfusionCore

/// Builds a large batch's rows on a second thread while the writer's thread inserts the
/// ones already built, so that encoding, hashing and reducing (about a third of a vitals
/// row's cost) overlap SQLite's inserts instead of preceding them (docs/benchmarks.md,
/// "Journal"). The result is the same rows, in the same order, in one transaction: the
/// pipeline only changes which core does the building.
///
/// Rows travel in chunks through a ``RowChunkChannel``. If building fails, the transaction
/// sees the error at the next chunk and rolls back; if the insert fails, the builder is
/// told to stop, and the state it reduced is thrown away with the batch.
enum RowPipeline {
    /// Rows per hand-over: small enough that the insert starts soon after the build, large
    /// enough that the hand-overs cost nothing measurable.
    static let chunkSize = 256

    /// Builds and appends `batch` after `tip` in one transaction; returns the last row and
    /// the state with the batch applied. Nothing is changed when it throws.
    static func append(
        _ batch: [Delivery<ClinicEventPayload>], after tip: ChainTip, state: ClinicState,
        to store: JournalStore, durable: Bool
    ) throws(JournalError) -> (last: EventRow, state: ClinicState) {
        let channel = RowChunkChannel()
        // The builder thread owns its own builder and state copy: nothing is shared but the channel.
        Thread.detachNewThread {
            let builder = RowBuilder()
            var state = state
            var tip = tip
            var start = batch.startIndex
            while start < batch.endIndex {
                let end = min(start + chunkSize, batch.endIndex)
                let rows: [EventRow]
                do throws(JournalError) {
                    rows = try builder.rows(for: Array(batch[start..<end]), after: tip, state: &state)
                } catch {
                    channel.fail(error)
                    return
                }
                tip = ChainTip(sequence: rows[rows.count - 1].sequence, hash: rows[rows.count - 1].hash)
                guard channel.send(rows) else { return }
                start = end
            }
            channel.finish(state: state)
        }
        do throws(JournalError) {
            guard let last = try store.append(durable: durable, rowsFrom: { () throws(JournalError) in try channel.next() }) else {
                throw JournalError.writeFailed("no rows built for a batch of \(batch.count) events")
            }
            guard let state = channel.finalState() else {
                throw JournalError.writeFailed("the row builder ended without its state")
            }
            return (last, state)
        } catch {
            channel.cancel()
            throw error
        }
    }
}

/// The hand-over between the thread building rows and the thread inserting them.
///
/// `@unchecked Sendable`: every stored property is read and written only with
/// `condition` locked.
final class RowChunkChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[EventRow]] = []
    private var isFinished = false
    private var isCancelled = false
    private var failure: JournalError?
    private var state: ClinicState?

    /// Queues a chunk; false once the receiver has cancelled (the sender should stop).
    func send(_ rows: [EventRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isCancelled else { return false }
        chunks.append(rows)
        condition.signal()
        return true
    }

    /// The sender is done; `state` is the state after the last chunk.
    func finish(state: ClinicState) {
        condition.lock()
        defer { condition.unlock() }
        self.state = state
        isFinished = true
        condition.signal()
    }

    /// The sender could not build the rows.
    func fail(_ error: JournalError) {
        condition.lock()
        defer { condition.unlock() }
        failure = error
        isFinished = true
        condition.signal()
    }

    /// The receiver stops taking chunks (the sender's next `send` returns false).
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        isCancelled = true
        chunks = []
    }

    /// The next chunk, waiting for it; nil after the last; throws the sender's failure.
    func next() throws(JournalError) -> [EventRow]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !isFinished { condition.wait() }
        if !chunks.isEmpty { return chunks.removeFirst() }
        if let failure { throw failure }
        return nil
    }

    /// The sender's final state, once ``next()`` has returned nil.
    func finalState() -> ClinicState? {
        condition.lock()
        defer { condition.unlock() }
        return state
    }
}
