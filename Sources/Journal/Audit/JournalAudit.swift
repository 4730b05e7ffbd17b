public import Foundation
import GRDB
import InfusionCore

/// Checks the journal's hash chain and prints its audit log.
///
/// Works on a read-only connection: it never changes the file, and it can run while the
/// station is writing (WAL readers see a consistent snapshot).
public enum JournalAudit {
    /// Walks the whole chain in sequence order and reports the count, or the first bad
    /// record and why: a hash that does not match the content (edited), missing sequence
    /// numbers (deleted), a previous hash that is not the preceding record's (reordered or
    /// replaced), or `kind`/`chair` columns that disagree with the payload (edited).
    ///
    /// - Throws: ``JournalError`` if the file cannot be opened or read at all.
    ///
    /// Then checks every session signature against the record rebuilt from the journal
    /// (``SignatureVerifier``): a broken binding fails the audit too.
    public static func verify(databasePath: URL) throws(JournalError) -> AuditReport {
        let store = try JournalStore(path: databasePath, readOnly: true)
        return try store.read { db in
            var report = try verifyChain(db)
            report.signatures = try SignatureVerifier.verify(db)
            return report
        }
    }

    static func verifyChain(_ db: Database) throws -> AuditReport {
        var report = AuditReport(verifiedCount: 0)
        var tip = ChainTip.empty
        let decoder = PayloadCoding.makeDecoder()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT sequence, received_at, device_time, chair, session, kind, payload, previous_hash, hash
            FROM event ORDER BY sequence
            """)
        while let row = try rows.next() {
            guard let record = EventRow(row) else {
                let sequence = UInt64(max(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0, 0))
                report.problem = AuditProblem(sequence: sequence, kind: .malformed, detail: "the row is not a journal record")
                return report
            }
            if let problem = try check(record, after: tip, decoder: decoder, db) {
                report.problem = problem
                return report
            }
            tip = ChainTip(sequence: record.sequence, hash: record.hash)
            report.verifiedCount += 1
            report.headSequence = record.sequence
            report.headHash = ChainHash.hex(record.hash)
        }
        return report
    }

    private static func check(_ record: EventRow, after tip: ChainTip, decoder: JSONDecoder, _ db: Database) throws -> AuditProblem? {
        let expected = tip.sequence + 1
        if record.sequence != expected {
            let missing = expected == record.sequence - 1 ? "record \(expected) is" : "records \(expected)...\(record.sequence - 1) are"
            return AuditProblem(sequence: expected, kind: .deleted, detail: "\(missing) missing (deleted)")
        }
        if record.previousHash != tip.hash {
            let linked = try UInt64.fetchOne(db, sql: "SELECT sequence FROM event WHERE hash = ?", arguments: [record.previousHash])
            let detail: String
            if let linked, linked != tip.sequence {
                detail = "it follows record \(linked) in the chain, not record \(tip.sequence) (records reordered)"
            } else if tip.sequence == 0 {
                detail = "the first record does not start the chain (records before it removed or reordered)"
            } else {
                detail = "its previous hash is not record \(tip.sequence)'s hash (record \(tip.sequence) replaced, or records reordered)"
            }
            return AuditProblem(sequence: record.sequence, kind: .reordered, detail: detail)
        }
        if !record.hasValidHash {
            return AuditProblem(
                sequence: record.sequence, kind: .edited, detail: "its hash does not match its content (record edited)")
        }
        guard let payload = try? decoder.decode(ClinicEventPayload.self, from: Data(record.payload.utf8)) else {
            return AuditProblem(sequence: record.sequence, kind: .malformed, detail: "its payload does not decode")
        }
        if PayloadKind.name(ofJSON: record.payload.utf8) != record.kind || payload.chair?.rawValue != record.chair {
            return AuditProblem(
                sequence: record.sequence, kind: .edited,
                detail: "its kind or chair column disagrees with its payload (record edited)")
        }
        return nil
    }
}

extension EventRow {
    /// Reads a row selected as (sequence, received_at, device_time, chair, session, kind,
    /// payload, previous_hash, hash); `nil` if a column has the wrong type or a hash is not 32 bytes.
    init?(_ row: Row) {
        // `fromDatabaseValue` rather than `row[i] as T?`: a tampered column of the wrong
        // type must be reported, not trap.
        func value<T: DatabaseValueConvertible>(_ index: Int, _: T.Type = T.self) -> T? {
            T.fromDatabaseValue(row[index] as DatabaseValue)
        }
        guard let sequence = value(0, Int64.self), sequence > 0,
            let receivedAt = value(1, Double.self), let kind = value(5, String.self), let payload = value(6, String.self),
            let previousHash = value(7, Data.self), let hash = value(8, Data.self),
            previousHash.count == 32, hash.count == 32
        else { return nil }
        self.init(
            sequence: UInt64(sequence), receivedAt: receivedAt, deviceTime: value(2), chair: value(3), session: value(4),
            kind: kind, payload: payload, previousHash: previousHash, hash: hash)
    }
}
