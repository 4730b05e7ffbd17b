import Foundation

/// One row of the `event` table, as written and as read back for audit.
struct EventRow: Sendable, Equatable {
    var sequence: UInt64
    /// Seconds since 2001-01-01T00:00:00Z, exactly `Date.timeIntervalSinceReferenceDate`.
    var receivedAt: Double
    var deviceTime: Double?
    var chair: String?
    var session: String?
    var kind: String
    /// The payload JSON as stored (its UTF-8 bytes enter the hash).
    var payload: String
    var previousHash: Data
    var hash: Data

    /// Whether `hash` is what the chain rule gives for this row after `previousHash`.
    var hasValidHash: Bool {
        hash == ChainHash.hash(previous: previousHash, sequence: sequence, receivedAt: receivedAt, payload: Data(payload.utf8))
    }
}

/// The last committed record: where the chain continues.
struct ChainTip: Sendable, Equatable {
    var sequence: UInt64
    var hash: Data

    static let empty = ChainTip(sequence: 0, hash: ChainHash.genesis)
}
