import Foundation
import GRDB
import InfusionCore

/// One pass over the journal that rebuilds what signatures and session reports need: the
/// hash of each signed session record at its `recordThroughSequence`, and each session's
/// final state (at sign-off, at closing, or still open).
///
/// Two reads: first the (few) signature and amendment events by their `kind`, to know at
/// which sequences a record must be taken; then every event once, in order, through the
/// reducer from an empty state (snapshots are not used: a signature may bind any point of
/// the journal, and the pass must also see events a snapshot would skip). Events that do
/// not decode are skipped here; the chain check reports them.
struct SessionReplay {
    var signatures: [JournaledSignature] = []
    var amendments: [UInt64: SessionAmendment] = [:]
    /// Hashes of records rebuilt at the sequences signatures name, by sequence and session.
    var rebuiltHashes: [RecordPoint: String] = [:]
    /// Sessions in admission order, with their last state.
    var sessions: [ArchivedSession] = []
    private var sessionIndex: [SessionID: Int] = [:]

    struct RecordPoint: Hashable {
        var sequence: UInt64
        var session: SessionID
    }

    static func run(_ db: Database, archive: Bool) throws -> SessionReplay {
        var replay = SessionReplay()
        let decoder = PayloadCoding.makeDecoder()
        try replay.readSignatures(db, decoder: decoder)
        var targets: [UInt64: [SessionID]] = [:]
        for entry in replay.signatures where entry.signature.amends == nil {
            targets[entry.signature.recordThroughSequence, default: []].append(entry.signature.session)
        }
        let last = archive ? UInt64(Int64.max) : (targets.keys.max() ?? 0)
        guard last > 0 else { return replay }
        var state = ClinicState()
        let rows = try Row.fetchCursor(
            db, sql: "SELECT sequence, received_at, payload FROM event WHERE sequence <= ? ORDER BY sequence",
            arguments: [Int64(clamping: last)])
        while let row = try rows.next() {
            let sequence = UInt64(max(Int64.fromDatabaseValue(row[0] as DatabaseValue) ?? 0, 0))
            guard let received = Double.fromDatabaseValue(row[1] as DatabaseValue),
                let text = String.fromDatabaseValue(row[2] as DatabaseValue),
                let payload = try? decoder.decode(ClinicEventPayload.self, from: Data(text.utf8))
            else { continue }
            if archive { replay.noteClosing(payload, state: state) }
            ClinicReducer.reduce(&state, ClinicEvent(sequence: sequence, receivedAt: Date(timeIntervalSinceReferenceDate: received), payload: payload))
            if archive, case .sessionStarted(let start) = payload { replay.noteAdmission(start, state: state) }
            for session in targets[sequence] ?? [] {
                if let record = SessionRecord(session: session, in: state) {
                    replay.rebuiltHashes[RecordPoint(sequence: sequence, session: session)] = try? SessionRecordHasher.hash(record)
                }
            }
        }
        if archive { replay.finishOpenSessions(state) }
        return replay
    }

    private mutating func readSignatures(_ db: Database, decoder: JSONDecoder) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT sequence, payload FROM event WHERE kind IN ('sessionSigned', 'sessionAmended') ORDER BY sequence")
        while let row = try rows.next() {
            guard let sequence = Int64.fromDatabaseValue(row[0] as DatabaseValue), sequence > 0,
                let text = String.fromDatabaseValue(row[1] as DatabaseValue),
                let payload = try? decoder.decode(ClinicEventPayload.self, from: Data(text.utf8))
            else { continue }
            switch payload {
            case .sessionSigned(let signature): signatures.append(JournaledSignature(sequence: UInt64(sequence), signature: signature))
            case .sessionAmended(let amendment): amendments[UInt64(sequence)] = amendment
            default: break
            }
        }
    }

    // MARK: - Archive

    private mutating func noteAdmission(_ start: SessionStart, state: ClinicState) {
        guard let chair = state[chair: start.chair], let session = chair.session, session.id == start.session else { return }
        let archived = ArchivedSession(session: session, chair: chair, devices: state.devices)
        if let index = sessionIndex[start.session] {
            sessions[index] = archived
        } else {
            sessionIndex[start.session] = sessions.count
            sessions.append(archived)
        }
    }

    /// Captures a session's last state before the event that closes it is applied.
    private mutating func noteClosing(_ payload: ClinicEventPayload, state: ClinicState) {
        let chairID: ChairID
        var status = ArchivedSession.Status.closedUnsigned
        switch payload {
        case .sessionSigned(let signature) where signature.amends == nil:
            chairID = signature.chair
            status = .signed
        case .sessionEnded(let end): chairID = end.chair
        case .sessionStarted(let start): chairID = start.chair  // replaces an open session
        default: return
        }
        guard let chair = state[chair: chairID], let session = chair.session, let index = sessionIndex[session.id] else { return }
        if case .sessionSigned(let signature) = payload, signature.session != session.id { return }
        if case .sessionEnded(let end) = payload, end.session != session.id { return }
        sessions[index] = ArchivedSession(session: session, chair: chair, devices: state.devices)
        sessions[index].status = status
    }

    private mutating func finishOpenSessions(_ state: ClinicState) {
        for chair in state.chairs {
            guard let session = chair.session, let index = sessionIndex[session.id] else { continue }
            sessions[index] = ArchivedSession(session: session, chair: chair, devices: state.devices)
        }
    }
}
