import Foundation
import GRDB

/// A stored snapshot: the encoded clinic state after event `sequence`.
struct StoredSnapshot: Sendable {
    var sequence: UInt64
    /// The chain hash of event `sequence` when the snapshot was taken; recovery uses the
    /// snapshot only if the event still has this hash.
    var eventHash: Data
    var takenAt: Double
    var state: Data
}

extension JournalStore {
    /// How many snapshots are kept; older ones are deleted (they are a cache, not a record).
    static let keptSnapshots = 3

    /// Stores a snapshot and deletes all but the newest ``keptSnapshots``.
    func writeSnapshot(_ snapshot: StoredSnapshot) throws(JournalError) {
        do {
            try database.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO snapshot (sequence, event_hash, taken_at, state) VALUES (?, ?, ?, ?)",
                    arguments: [Int64(snapshot.sequence), snapshot.eventHash, snapshot.takenAt, snapshot.state])
                try db.execute(
                    sql: "DELETE FROM snapshot WHERE sequence NOT IN (SELECT sequence FROM snapshot ORDER BY sequence DESC LIMIT ?)",
                    arguments: [Self.keptSnapshots])
            }
        } catch {
            throw JournalError.writeFailed(Self.describe(error))
        }
    }
}
