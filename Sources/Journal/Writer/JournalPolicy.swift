public import Foundation

/// How the journal writer batches, snapshots and retries. The defaults are the design's.
public struct JournalPolicy: Sendable {
    /// Seconds between batch writes of pending events (vitals): 0.25.
    public var batchInterval: TimeInterval = 0.25
    /// A batch is written early once this many events are pending.
    public var batchSize: Int = 4096
    /// A snapshot of the state is stored after this many events...
    public var snapshotEvery: Int = 10_000
    /// ...or after this many seconds of receipt time since the last one, whichever first.
    public var snapshotInterval: TimeInterval = 300
    /// A checkpoint is started beside the writer after this many rows (about 2.5 MB of WAL
    /// for vitals).
    public var checkpointEvery: Int = 8_192
    /// A batch of at least this many events has its rows built on a second thread while
    /// the first inserts them (`RowPipeline`); smaller ones are built, then inserted.
    public var pipelineThreshold: Int = 512
    /// After a failed write, the writer waits this many batch ticks before the next try,
    /// doubling on each further failure up to ``maximumRetryTicks``.
    public var firstRetryTicks: Int = 1
    /// The longest wait between retries, in batch ticks (20 ticks = 5 s by default).
    public var maximumRetryTicks: Int = 20
    /// How long a write waits on another process's lock before it counts as failed, in seconds.
    public var busyTimeout: TimeInterval = 0.1

    /// The default policy.
    public init() {}

    /// Ticks to wait after `failures` consecutive failed writes (1 or more).
    func retryTicks(afterFailures failures: Int) -> Int {
        let doublings = min(max(failures - 1, 0), 16)
        return min(firstRetryTicks << doublings, maximumRetryTicks)
    }
}
