import Foundation
public import InfusionCore
import Journal

extension ClinicRuntime {
    /// Why an amendment was not recorded.
    public struct AmendmentRefusal: Error, Equatable {
        public var message: String
    }

    /// Records a correction to a signed session: the amendment, linked to the discharge
    /// signature it corrects, then the signer's own signature over the amendment record.
    ///
    /// Both are committed durably, in that order; the signed session itself never changes.
    /// Blocks for two durable commits (a few ms): an amendment is rare and deliberate.
    public func amend(session: SessionID, text: String, signer: OperatorIdentity) -> Result<UInt64, AmendmentRefusal> {
        guard let journal, let databasePath else {
            return .failure(AmendmentRefusal(message: "there is no journal to amend"))
        }
        let correction = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !correction.isEmpty else { return .failure(AmendmentRefusal(message: "the correction text is empty")) }
        do {
            let store = try JournalStore(path: databasePath, readOnly: true)
            let signed = try store.events(filter: EventFilter(session: session, kinds: ["sessionSigned"]))
            guard let original = signed.lazy.compactMap({ event -> (UInt64, SessionSignature)? in
                guard case .sessionSigned(let signature) = event.payload, signature.amends == nil else { return nil }
                return (event.sequence, signature)
            }).first else {
                return .failure(AmendmentRefusal(message: "session \(session) has no discharge signature to amend"))
            }
            let amendment = SessionAmendment(
                chair: original.1.chair, session: session, text: correction, by: signer, at: clock.now(),
                signatureSequence: original.0)
            let sequence = try journal.commitDurably(.sessionAmended(amendment))
            let signature = try SessionRecordHasher.makeAmendmentSignature(
                for: amendment, journaledAt: sequence, amending: original.1, signer: signer, at: clock.now())
            return .success(try journal.commitDurably(.sessionSigned(signature)))
        } catch {
            return .failure(AmendmentRefusal(message: error.reason))
        }
    }
}
