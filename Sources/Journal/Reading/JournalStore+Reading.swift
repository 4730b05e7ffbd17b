import Foundation
import GRDB
public import InfusionCore

/// Read helpers for reports: events back out of the journal, decoded, in sequence order.
///
/// Every query uses the `event` table's indexes (`session`, `chair`, sequence order) and
/// decodes payloads with the journal's own decoder. A payload that does not decode throws
/// ``JournalError/unreadable(_:)`` naming the record: a report never silently skips one.
///
/// ```swift
/// let store = try JournalStore(path: url, readOnly: true)
/// let events = try store.events(filter: EventFilter(session: SessionID("S-1")))
/// ```
extension JournalStore {
    /// The events matching `filter`, oldest first.
    public func events(filter: EventFilter) throws(JournalError) -> [ClinicEvent] {
        try read { db in try Self.fetchEvents(db, filter: filter) }
    }

    /// The newest event of one of `kinds` before `sequence` (exclusive), e.g. the alarm
    /// rules in force when a session started.
    public func lastEvent(ofKinds kinds: [String], before sequence: UInt64) throws(JournalError) -> ClinicEvent? {
        var filter = EventFilter(kinds: kinds)
        filter.sequences = 0...(sequence > 0 ? sequence - 1 : 0)
        filter.newestFirst = true
        filter.limit = 1
        return try events(filter: filter).first
    }

    static func fetchEvents(_ db: Database, filter: EventFilter) throws -> [ClinicEvent] {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let session = filter.session {
            clauses.append("session = ?")
            arguments += [session.rawValue]
        }
        if let chair = filter.chair {
            clauses.append("chair = ?")
            arguments += [chair.rawValue]
            // Kinds that leave out vitals can use the chair index (it has no vitals rows).
            if let kinds = filter.kinds, !kinds.contains(VitalsJSON.kind) {
                clauses.append(JournalSchema.chairIndexCondition)
            }
        }
        if let kinds = filter.kinds {
            guard !kinds.isEmpty else { return [] }
            clauses.append("kind IN (" + kinds.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments += StatementArguments(kinds)
        }
        if let range = filter.sequences {
            clauses.append("sequence BETWEEN ? AND ?")
            arguments += [Int64(clamping: range.lowerBound), Int64(clamping: range.upperBound)]
        }
        var sql = "SELECT sequence, received_at, payload FROM event"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += filter.newestFirst ? " ORDER BY sequence DESC" : " ORDER BY sequence"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        let decoder = PayloadCoding.makeDecoder()
        var events: [ClinicEvent] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let sequence = UInt64(row[0] as Int64)
            let text: String = row[2]
            guard let payload = try? decoder.decode(ClinicEventPayload.self, from: Data(text.utf8)) else {
                throw JournalError.unreadable("event \(sequence) does not decode")
            }
            events.append(ClinicEvent(
                sequence: sequence, receivedAt: Date(timeIntervalSinceReferenceDate: row[1]), payload: payload))
        }
        return events
    }
}

/// Which events to read: every condition given must hold (all `nil`: every event).
public struct EventFilter: Sendable, Equatable {
    /// Events filed under this session (the payload's own session, or the chair's open one
    /// when the event was written).
    public var session: SessionID?
    /// Events of this chair.
    public var chair: ChairID?
    /// Payload case names (`sessionStarted`, `pumpReported`); an empty list matches nothing.
    public var kinds: [String]?
    /// Sequence numbers, inclusive.
    public var sequences: ClosedRange<UInt64>?
    /// Newest first instead of oldest first.
    public var newestFirst = false
    /// At most this many events.
    public var limit: Int?

    public init(
        session: SessionID? = nil, chair: ChairID? = nil, kinds: [String]? = nil, sequences: ClosedRange<UInt64>? = nil
    ) {
        self.session = session
        self.chair = chair
        self.kinds = kinds
        self.sequences = sequences
    }
}
