public import Foundation
import GRDB
import InfusionCore

extension JournalAudit {
    /// The audit log: every event that is not device data, oldest first, as readable
    /// entries (time, who, what, old -> new, reason), optionally for one session or chair.
    ///
    /// Until operator-action payloads exist this lists configuration, admissions, session
    /// phases and closings, and device link changes; see `AuditLogDescriber` to add cases.
    public static func operatorActions(databasePath: URL, session: String? = nil, chair: String? = nil) throws(JournalError) -> [AuditLogEntry] {
        let store = try JournalStore(path: databasePath, readOnly: true)
        return try store.read { db in try operatorActions(db, session: session, chair: chair) }
    }

    static func operatorActions(_ db: Database, session: String?, chair: String?) throws -> [AuditLogEntry] {
        var sql = "SELECT sequence, received_at, session, payload, kind FROM event WHERE kind NOT IN ("
        sql += AuditLogDescriber.deviceDataKinds.map { _ in "?" }.joined(separator: ", ") + ")"
        var arguments = StatementArguments(AuditLogDescriber.deviceDataKinds)
        if let session {
            sql += " AND session = ?"
            arguments += [session]
        }
        if let chair {
            // Implied by the device-data kinds left out above; named for the chair index.
            sql += " AND \(JournalSchema.chairIndexCondition) AND chair = ?"
            arguments += [chair]
        }
        sql += " ORDER BY sequence"
        let decoder = PayloadCoding.makeDecoder()
        var describer = AuditLogDescriber()
        var entries: [AuditLogEntry] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let sequence = UInt64(row[0] as Int64)
            let text: String = row[3]
            guard let payload = try? decoder.decode(ClinicEventPayload.self, from: Data(text.utf8)) else {
                throw JournalError.unreadable("event \(sequence) does not decode")
            }
            let time = Date(timeIntervalSinceReferenceDate: row[1])
            if let entry = describer.entry(for: payload, kind: row[4], sequence: sequence, time: time, session: row[2]) {
                entries.append(entry)
            }
        }
        return entries
    }
}
