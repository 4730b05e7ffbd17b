import Foundation
import InfusionCore
import Journal

/// The discharge signature a payload carries, reduced to what listings need.
struct SignedSession {
    var session: SessionID
    var signerName: String
    var isDischargeSignature: Bool
}

extension ClinicEventPayload {
    /// The session a sign-off payload (score, intervention, checklist, signature,
    /// amendment) names; nil for every other payload.
    var signOffSession: SessionID? {
        switch self {
        case .dissociationScored(let scoring): scoring.session
        case .interventionRecorded(let record): record.session
        case .dischargeItemRecorded(let record): record.session
        case .sessionSigned(let signature): signature.session
        case .sessionAmended(let amendment): amendment.session
        default: nil
        }
    }

    /// The signature a `sessionSigned` payload carries.
    var signature: SignedSession? {
        guard case .sessionSigned(let signature) = self else { return nil }
        return SignedSession(
            session: signature.session, signerName: signature.signer.printedName, isDischargeSignature: signature.amends == nil)
    }
}

/// Checks signatures' bindings with the journal's `SignatureVerifier` (one replay of the
/// journal up to the last signed record), once per loader use.
struct BindingCheck: Sendable {
    let store: JournalStore

    /// Whether the signatures journaled at `sequences` verify, and why not.
    func check(sequences: [UInt64]) -> [UInt64: (verifies: Bool, problem: String?)] {
        guard !sequences.isEmpty else { return [:] }
        let report: SignatureReport
        do {
            report = try SignatureVerifier.verify(databasePath: store.path)
        } catch {
            return Dictionary(uniqueKeysWithValues: sequences.map { ($0, (false, "the binding could not be checked: \(error.reason)")) })
        }
        var results: [UInt64: (verifies: Bool, problem: String?)] = [:]
        for sequence in sequences {
            if let check = report.check(at: sequence) {
                results[sequence] = (check.isValid, check.problem)
            } else {
                results[sequence] = (false, "the signature was not found when checking the journal")
            }
        }
        return results
    }
}
