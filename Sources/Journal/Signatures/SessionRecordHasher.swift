public import Foundation
public import InfusionCore
import Crypto

/// The SHA-256 a signature stores: of the canonical JSON of the record it signs.
///
/// Canonical JSON is the journal's one form (`PayloadCoding`): keys sorted, dates as
/// reference-date seconds, numbers in their shortest round-trip spelling, so the same
/// record gives the same bytes in every run and on every machine. The hash is lower-case
/// hex, 64 characters.
///
/// ```swift
/// guard let signature = try SessionRecordHasher.makeSignature(
///     for: session, in: state, signer: physician, at: now) else { return }  // session not open
/// bus.publishDurably(.sessionSigned(signature))
/// ```
public enum SessionRecordHasher {
    /// The canonical JSON bytes of `record` (what the hash covers).
    public static func canonicalJSON(_ record: SessionRecord) throws(JournalError) -> Data { try encode(record) }

    /// The hex SHA-256 of `record`'s canonical JSON.
    public static func hash(_ record: SessionRecord) throws(JournalError) -> String { digest(try encode(record)) }

    /// The hex SHA-256 of an amendment record's canonical JSON.
    public static func hash(_ record: SessionAmendmentRecord) throws(JournalError) -> String { digest(try encode(record)) }

    /// The discharge signature of the open session `session` in `state`, bound to the
    /// record through `state.lastSequence`; nil when no chair has that session open.
    /// `state` must be the model's state as reduced from the bus (every event up to its
    /// `lastSequence`); check ``DischargeGate`` and the PIN before calling.
    public static func makeSignature(
        for session: SessionID, in state: ClinicState, signer: OperatorIdentity, at time: Date,
        meaning: String = SessionSignature.dischargeMeaning
    ) throws(JournalError) -> SessionSignature? {
        guard let record = SessionRecord(session: session, in: state) else { return nil }
        return SessionSignature(
            chair: record.chair, session: session, signer: signer, meaning: meaning, at: time,
            recordThroughSequence: state.lastSequence, recordHash: try hash(record))
    }

    /// The signature of `amendment`, journaled at `sequence`, which corrects `original`
    /// (the signature at `amendment.signatureSequence`).
    public static func makeAmendmentSignature(
        for amendment: SessionAmendment, journaledAt sequence: UInt64, amending original: SessionSignature,
        signer: OperatorIdentity, at time: Date, meaning: String = SessionSignature.amendmentMeaning
    ) throws(JournalError) -> SessionSignature {
        let record = SessionAmendmentRecord(amendment: amendment, sequence: sequence, amending: original)
        return SessionSignature(
            chair: amendment.chair, session: amendment.session, signer: signer, meaning: meaning, at: time,
            recordThroughSequence: sequence, recordHash: try hash(record), amends: sequence)
    }

    private static func encode(_ value: some Encodable) throws(JournalError) -> Data {
        do {
            return try PayloadCoding.makeCanonicalEncoder().encode(value)
        } catch {
            throw JournalError.writeFailed("cannot encode the session record: \(error)")
        }
    }

    private static func digest(_ data: Data) -> String { ChainHash.hex(Data(SHA256.hash(data: data))) }
}
