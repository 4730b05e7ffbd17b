/// What `audit verify` found: the whole chain intact, or the first bad record and why.
public struct AuditReport: Sendable, Equatable {
    /// Records checked and found good, in sequence order, before any problem.
    public var verifiedCount: Int
    /// The last good record's sequence number and chain hash (hex), if any. Keep the head
    /// hash somewhere else: a journal cut short after its last record is detectable only
    /// against a head recorded earlier.
    public var headSequence: UInt64?
    public var headHash: String?
    /// The first bad record, or `nil` when the chain verifies.
    public var problem: AuditProblem?

    /// Whether every record verified.
    public var isIntact: Bool { problem == nil }

    /// One line for a person: the count and head, or the first bad record and why.
    public var summary: String {
        if let problem {
            return "FAILED at record \(problem.sequence): \(problem.detail) (\(verifiedCount) records verified before it)"
        }
        guard let headSequence, let headHash else { return "OK: journal is empty" }
        return "OK: \(verifiedCount) records verified, chain head \(headSequence) \(headHash)"
    }
}

/// The first record that breaks the chain.
public struct AuditProblem: Sendable, Equatable {
    /// What the break says happened to the journal.
    public enum Kind: String, Sendable, Equatable {
        /// The record's hash is not the hash of its content: it was edited.
        case edited
        /// Sequence numbers are missing: records were deleted.
        case deleted
        /// The record does not link to the one before it: records were reordered or one
        /// was replaced with a re-hashed copy.
        case reordered
        /// The row cannot be read as a journal record (bad hash length, undecodable payload).
        case malformed
    }

    /// The sequence number of the bad record (for `deleted`, the first missing one).
    public var sequence: UInt64
    public var kind: Kind
    /// A sentence saying what is wrong.
    public var detail: String
}
