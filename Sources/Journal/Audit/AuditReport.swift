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
    /// Every session signature checked against its rebuilt record (checked even when the
    /// chain is broken, so an edit shows as both).
    public var signatures = SignatureReport()

    /// Whether every record verified and every signature is bound to its record.
    public var isIntact: Bool { problem == nil && signatures.isIntact }

    /// For a person: the count and head, or the first bad record and why; then one line
    /// per broken signature binding.
    public var summary: String {
        var text: String
        if let problem {
            text = "FAILED at record \(problem.sequence): \(problem.detail) (\(verifiedCount) records verified before it)"
        } else if let headSequence, let headHash {
            text = "OK: \(verifiedCount) records verified, chain head \(headSequence) \(headHash)"
        } else {
            text = "OK: journal is empty"
        }
        let broken = signatures.broken
        if !signatures.checks.isEmpty {
            text += broken.isEmpty
                ? "\nOK: \(signatures.checks.count) signatures bound to their records"
                : "\nFAILED: \(broken.count) of \(signatures.checks.count) signatures do not verify"
        }
        for check in broken { text += "\n  " + check.summary }
        return text
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
