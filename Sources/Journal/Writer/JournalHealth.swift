/// The journal writer's condition, for the header (`JOURNAL FAILING`) and diagnostics.
///
/// A consistent value: all fields are read together. While ``isFailing``, events keep
/// arriving and are held in memory (``unwrittenCount``), operator actions are refused, and
/// the writer retries by itself with backoff.
public struct JournalHealth: Sendable, Equatable {
    /// Whether the last write failed: the database cannot be written now.
    public var isFailing: Bool
    /// Why, as SQLite or the file system said it ("attempt to write a readonly database").
    public var reason: String?
    /// Accepted events held in memory, not yet on disk.
    public var unwrittenCount: Int
    /// The sequence number of the last event committed to disk (0 for none).
    public var lastCommittedSequence: UInt64
    /// Failed writes in a row (0 when healthy).
    public var consecutiveFailures: Int

    /// Makes a health value.
    public init(isFailing: Bool, reason: String?, unwrittenCount: Int, lastCommittedSequence: UInt64, consecutiveFailures: Int) {
        self.isFailing = isFailing
        self.reason = reason
        self.unwrittenCount = unwrittenCount
        self.lastCommittedSequence = lastCommittedSequence
        self.consecutiveFailures = consecutiveFailures
    }
}
