public import Foundation
import GRDB
import InfusionCore

/// Checks every signature in the journal against the record it claims to sign.
///
/// For a discharge signature it replays the journal through `recordThroughSequence`,
/// rebuilds that session's ``SessionRecord`` and compares its SHA-256 with the stored
/// `recordHash`; for an amendment's signature it rebuilds the ``SessionAmendmentRecord``
/// from the amendment and the signature it amends. Any edit of a signed field in the
/// database (or of the signature itself) makes the hashes differ: a broken binding.
/// Cost: one replay of the journal up to the last signed sequence (see ``SessionReplay``).
public enum SignatureVerifier {
    /// Checks the journal at `databasePath` (opened read-only).
    public static func verify(databasePath: URL) throws(JournalError) -> SignatureReport {
        let store = try JournalStore(path: databasePath, readOnly: true)
        return try store.read { db in try verify(db) }
    }

    static func verify(_ db: Database) throws -> SignatureReport {
        check(try SessionReplay.run(db, archive: false))
    }

    static func check(_ replay: SessionReplay) -> SignatureReport {
        var report = SignatureReport()
        let bySequence = Dictionary(replay.signatures.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in replay.signatures {
            let signature = entry.signature
            var check = SignatureCheck(signature: entry, rebuiltHash: nil, problem: nil)
            if signature.recordThroughSequence >= entry.sequence {
                check.problem = "it claims to sign record \(signature.recordThroughSequence), which is not before it"
            } else if let amended = signature.amends {
                check = checkAmendment(entry, amendment: amended, replay: replay, signatures: bySequence)
            } else {
                let point = SessionReplay.RecordPoint(sequence: signature.recordThroughSequence, session: signature.session)
                check.rebuiltHash = replay.rebuiltHashes[point]
                if check.rebuiltHash == nil {
                    check.problem = "session \(signature.session) is not open at record \(signature.recordThroughSequence) (binding broken)"
                } else if check.rebuiltHash != signature.recordHash {
                    check.problem = "the record rebuilt from the journal has a different hash (binding broken: a signed field was changed)"
                }
            }
            report.checks.append(check)
        }
        return report
    }

    private static func checkAmendment(
        _ entry: JournaledSignature, amendment sequence: UInt64, replay: SessionReplay, signatures: [UInt64: JournaledSignature]
    ) -> SignatureCheck {
        var check = SignatureCheck(signature: entry, rebuiltHash: nil, problem: nil)
        let signature = entry.signature
        guard let amendment = replay.amendments[sequence], amendment.session == signature.session,
            signature.recordThroughSequence == sequence
        else {
            check.problem = "no amendment of session \(signature.session) at record \(sequence) (binding broken)"
            return check
        }
        guard let original = signatures[amendment.signatureSequence], original.signature.session == amendment.session,
            original.sequence < sequence
        else {
            check.problem = "the amendment at \(sequence) names no earlier signature of the session at \(amendment.signatureSequence)"
            return check
        }
        let record = SessionAmendmentRecord(amendment: amendment, sequence: sequence, amending: original.signature)
        check.rebuiltHash = try? SessionRecordHasher.hash(record)
        if check.rebuiltHash != signature.recordHash {
            check.problem = "the amendment rebuilt from the journal has a different hash (binding broken)"
        }
        return check
    }
}
