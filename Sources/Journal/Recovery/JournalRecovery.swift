public import Foundation
import GRDB
public import InfusionCore

/// What a journal holds at start: the state to resume from and where the chain continues.
public struct RecoveredJournal: Sendable {
    /// The clinic state after the last journaled event (snapshot + replay).
    public var state: ClinicState
    /// The last event's sequence number (0 for an empty journal): start the bus at + 1.
    public var lastSequence: UInt64
    /// The last event's receipt time, for "resumed after a gap of ..." on each chair.
    public var lastEventAt: Date?
    /// The last event's chain hash (the writer continues the chain from it).
    var lastHash: Data
    /// Events replayed after the snapshot used (the writer's snapshot counter starts here).
    public var replayedCount: Int
    var eventsSinceSnapshot: Int { replayedCount }
    var lastSnapshotAt: Date?

    /// An empty journal: nothing to resume.
    public static let empty = RecoveredJournal(
        state: ClinicState(), lastSequence: 0, lastEventAt: nil, lastHash: ChainHash.genesis, replayedCount: 0)
}

/// Rebuilds the clinic state from the journal at start.
///
/// Loads the newest snapshot whose event still has the hash it was taken at, then replays
/// every later event through ``ClinicReducer`` in sequence order. The result equals the
/// state the live reducer had after the same events (tested over randomized streams).
/// Recovery does not verify the chain: `audit verify` does.
public enum JournalRecovery {
    /// Recovers from an open journal.
    public static func load(from store: JournalStore) throws(JournalError) -> RecoveredJournal {
        try store.read { db in try load(db) }
    }

    /// Recovers from the journal file at `path` (created, empty, if missing).
    public static func load(from path: URL) throws(JournalError) -> RecoveredJournal {
        try load(from: JournalStore(path: path))
    }

    /// Replays every event from the start (or up to `last`), ignoring snapshots: for tests
    /// of the snapshot mechanism and for measuring the raw replay rate.
    public static func replayAll(from store: JournalStore, upTo last: UInt64 = .max) throws(JournalError) -> RecoveredJournal {
        try store.read { db in try load(db, useSnapshot: false, upTo: last) }
    }

    private static func load(_ db: Database, useSnapshot: Bool = true, upTo last: UInt64 = .max) throws -> RecoveredJournal {
        let decoder = PayloadCoding.makeDecoder()
        var result = RecoveredJournal.empty
        if useSnapshot, let snapshot = try latestValidSnapshot(db) {
            // A snapshot is a cache, not a record: one that no longer decodes (written by an
            // incompatible version) is ignored and the whole journal is replayed instead.
            guard let state = try? decoder.decode(ClinicState.self, from: snapshot.state) else {
                return try load(db, useSnapshot: false, upTo: last)
            }
            result.state = state
            result.lastSequence = snapshot.sequence
            result.lastHash = snapshot.eventHash
            result.lastEventAt = Date(timeIntervalSinceReferenceDate: snapshot.takenAt)
            result.lastSnapshotAt = result.lastEventAt
        }
        let rows = try Row.fetchCursor(
            db, sql: "SELECT sequence, received_at, payload, hash FROM event WHERE sequence > ? AND sequence <= ? ORDER BY sequence",
            arguments: [Int64(result.lastSequence), Int64(clamping: last)])
        while let row = try rows.next() {
            let sequence = UInt64(row[0] as Int64)
            let receivedAt = Date(timeIntervalSinceReferenceDate: row[1])
            let payload: ClinicEventPayload
            do {
                let text: String = row[2]
                payload = try decoder.decode(ClinicEventPayload.self, from: Data(text.utf8))
            } catch {
                throw JournalError.unreadable("event \(sequence) does not decode: \(error)")
            }
            ClinicReducer.reduce(&result.state, ClinicEvent(sequence: sequence, receivedAt: receivedAt, payload: payload))
            result.lastSequence = sequence
            result.lastEventAt = receivedAt
            result.lastHash = row[3]
            result.replayedCount += 1
        }
        return result
    }

    private static func latestValidSnapshot(_ db: Database) throws -> StoredSnapshot? {
        let row = try Row.fetchOne(db, sql: """
            SELECT s.sequence, s.event_hash, s.taken_at, s.state FROM snapshot s
            JOIN event e ON e.sequence = s.sequence AND e.hash = s.event_hash
            ORDER BY s.sequence DESC LIMIT 1
            """)
        return row.map { StoredSnapshot(sequence: UInt64($0[0] as Int64), eventHash: $0[1], takenAt: $0[2], state: $0[3]) }
    }
}
