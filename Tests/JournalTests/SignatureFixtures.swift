import EventBus
import Foundation
import GRDB
import InfusionCore
import Testing
@testable import Journal

/// A journal holding one complete session on CHAIR-1, ready to sign, for binding tests.
struct SignedJournal {
    static let session = SessionID("S-1")
    static let chair = EventFixtures.chair(1)
    static let physician = OperatorIdentity(user: UserID("dr.test"), printedName: "Dr. Test", role: .physician)
    static let nurse = OperatorIdentity(user: UserID("rn.test"), printedName: "Nurse Test", role: .nurse)

    let harness: JournalHarness
    /// The discharge signature's sequence.
    private(set) var signatureSequence: UInt64 = 0

    var path: URL { harness.path }

    static func t(_ minutes: Double) -> Date { EventFixtures.origin.addingTimeInterval(minutes * 60) }

    /// Journals the session (admission, infusion, scores, intervention, checklist).
    init() throws {
        harness = try JournalHarness()
        let t = Self.t
        var payloads = EventFixtures.setup(chairs: 1)
        payloads.append(EventFixtures.sessionStart(chair: 1, session: Self.session.rawValue, at: t(0)))
        for (minute, status) in [(2.0, PumpStatus.infusing), (30, .infusing), (42, .complete)] {
            payloads.append(.pumpReported(PumpReport(
                chair: Self.chair, device: EventFixtures.pump(1), status: status, rate: MillilitersPerHour(status == .infusing ? 52.9 : 0),
                volumeInfused: Milliliters(0), concentration: MilligramsPerMilliliter(1), measuredAt: t(minute))))
        }
        payloads.append(.alarmRaised(AlarmRaised(
            chair: Self.chair, key: .vital(.spo2), priority: .medium, text: "SpO2 88<90", onsetAt: t(10), at: t(10.2))))
        payloads.append(.alarmConditionEnded(AlarmConditionEnded(chair: Self.chair, key: .vital(.spo2), at: t(11))))
        for (minute, items) in [(2.0, [0, 0, 0, 0, 0, 0]), (42, [2, 1, 2, 1, 1, 0]), (72, [0, 1, 0, 0, 0, 0])] {
            payloads.append(.dissociationScored(DissociationScoring(
                chair: Self.chair, session: Self.session, items: items, by: Self.nurse, at: t(minute))))
        }
        payloads.append(.interventionRecorded(InterventionRecord(
            chair: Self.chair, session: Self.session, kind: .antiemetic, text: "ondansetron 4 mg IV", isAdverseEvent: false,
            by: Self.nurse, at: t(50))))
        let aldrete = try AldreteScore(activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 1)
        for item in [DischargeItem.aldrete(aldrete), .dissociationResolved, .ivRemoved, .escortConfirmed(name: "J. Smith")] {
            payloads.append(.dischargeItemRecorded(DischargeItemRecord(
                chair: Self.chair, session: Self.session, item: item, by: Self.nurse, at: t(101))))
        }
        payloads.append(EventFixtures.vitals(chair: 1, heartRate: 72, at: t(103)))
        harness.publish(payloads)
        try harness.writer.flush()
    }

    /// Signs the session as the station would: from the live state, then journaled.
    mutating func sign() throws {
        harness.updateLive()
        let signature = try #require(try SessionRecordHasher.makeSignature(
            for: Self.session, in: harness.liveState, signer: Self.physician, at: Self.t(105)))
        signatureSequence = harness.bus.publish(.sessionSigned(signature))
        try harness.writer.flush()
        harness.updateLive()
    }

    /// Journals an amendment of the signature and, if `signed`, its own signature.
    func amend(_ text: String, signed: Bool = true) throws {
        let amendment = SessionAmendment(
            chair: Self.chair, session: Self.session, text: text, by: Self.physician, at: Self.t(200),
            signatureSequence: signatureSequence)
        let sequence = harness.bus.publish(.sessionAmended(amendment))
        if signed {
            let original = try #require(try signature(at: signatureSequence))
            let signature = try SessionRecordHasher.makeAmendmentSignature(
                for: amendment, journaledAt: sequence, amending: original, signer: Self.physician, at: Self.t(201))
            harness.bus.publish(.sessionSigned(signature))
        }
        try harness.writer.flush()
    }

    /// The signature journaled at `sequence`.
    func signature(at sequence: UInt64) throws -> SessionSignature? {
        let text = try harness.store.read { db in try String.fetchOne(db, sql: "SELECT payload FROM event WHERE sequence = ?", arguments: [Int64(sequence)]) }
        guard let text, case .sessionSigned(let signature) = try PayloadCoding.makeDecoder().decode(ClinicEventPayload.self, from: Data(text.utf8))
        else { return nil }
        return signature
    }

    /// Recomputes every record's chain hash after an edit, as a forger with the database
    /// and the published chain rule could: the chain then verifies, only the binding is left.
    static func rehashChain(_ path: URL) throws {
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in
            var previous = ChainHash.genesis
            let rows = try Row.fetchAll(db, sql: "SELECT sequence, received_at, payload FROM event ORDER BY sequence")
            for row in rows {
                let sequence = UInt64(row[0] as Int64)
                let payload: String = row[2]
                let hash = ChainHash.hash(previous: previous, sequence: sequence, receivedAt: row[1], payload: Data(payload.utf8))
                try db.execute(
                    sql: "UPDATE event SET previous_hash = ?, hash = ? WHERE sequence = ?", arguments: [previous, hash, Int64(sequence)])
                previous = hash
            }
        }
    }
}
