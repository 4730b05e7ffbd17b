public import Foundation
public import InfusionCore
import GRDB

/// One session as the journal tells it, for the `sessions` list and the session report:
/// its last state, its record, its signature and amendments, and whether they verify.
public struct ArchivedSession: Sendable {
    /// Where the session stands.
    public enum Status: String, Sendable, Equatable {
        /// Still open in its chair.
        case open
        /// Closed without a signature (`sessionEnded`, or replaced by a new admission).
        case closedUnsigned
        /// Signed off.
        case signed
    }

    /// The session's last state (just before sign-off or closing, or now if open).
    public var session: SessionState
    public var chair: ChairID
    public var chairLabel: String
    /// The chair's trends at that moment (reset at admission, so they are this session's):
    /// one point per minute for continuous vitals, one per NIBP reading.
    public var trends: [VitalKind: TrendSeries]
    /// The record built from `session` (what a sign-off at that moment would have signed).
    public var record: SessionRecord
    public var status: Status = .open
    /// The discharge signature and its check (nil while unsigned).
    public var signature: SignatureCheck?
    /// Amendments in journal order, each with its signature's check if signed.
    public var amendments: [ArchivedAmendment] = []

    init(session: SessionState, chair: ChairState, devices: [DeviceID: DeviceDescriptor]) {
        self.session = session
        self.chair = chair.id
        chairLabel = chair.label
        trends = chair.trends
        record = SessionRecord(session: session, chair: chair, devices: devices)
    }

    public var id: SessionID { session.id }

    /// Whether the discharge signature and every amendment signature verify (false while unsigned).
    public var isVerified: Bool {
        guard let signature, signature.isValid else { return false }
        return amendments.allSatisfy { $0.signature?.isValid ?? true }
    }
}

/// An amendment of a signed session, with the check of its own signature.
public struct ArchivedAmendment: Sendable, Equatable {
    public var sequence: UInt64
    public var amendment: SessionAmendment
    /// Nil until the amendment is signed.
    public var signature: SignatureCheck?
}

/// Reads sessions from the journal for lists and reports (one replay of the whole journal).
public enum SessionArchive {
    /// Every session in admission order, with signatures checked.
    public static func load(databasePath: URL) throws(JournalError) -> [ArchivedSession] {
        let store = try JournalStore(path: databasePath, readOnly: true)
        return try store.read { db in try load(db) }
    }

    /// One session by ID, or nil when the journal has no such session.
    public static func load(session id: SessionID, databasePath: URL) throws(JournalError) -> ArchivedSession? {
        try load(databasePath: databasePath).first { $0.id == id }
    }

    static func load(_ db: Database) throws -> [ArchivedSession] {
        let replay = try SessionReplay.run(db, archive: true)
        let checks = SignatureVerifier.check(replay)
        var sessions = replay.sessions
        let index = Dictionary(sessions.indices.map { (sessions[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        for check in checks.checks {
            guard let position = index[check.signature.signature.session] else { continue }
            if check.signature.signature.amends == nil {
                if sessions[position].signature == nil { sessions[position].signature = check }
            }
        }
        for (sequence, amendment) in replay.amendments.sorted(by: { $0.key < $1.key }) {
            guard let position = index[amendment.session] else { continue }
            let signed = checks.checks.first { $0.signature.signature.amends == sequence }
            sessions[position].amendments.append(ArchivedAmendment(sequence: sequence, amendment: amendment, signature: signed))
        }
        return sessions
    }
}
