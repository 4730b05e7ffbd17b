import Foundation
import InfusionCore

extension SessionReportBuilder {
    /// Signatures and amendments (scores, interventions and checklist entries come from
    /// the replayed session state).
    mutating func foldSignOff(_ event: ClinicEvent) {
        switch event.payload {
        case .sessionSigned(let signed) where signed.session == start.session:
            if let amended = signed.amends {
                guard let index = amendments.firstIndex(where: { $0.sequence == amended }) else { return }
                amendments[index].signedBy = signed.signer.printedName
                amendments[index].signedAt = signed.at
                amendments[index].signatureSequence = event.sequence
                amendments[index].signatureVerifies = false
            } else if signature == nil {
                signature = SignatureBlock(
                    signerID: signed.signer.user.rawValue, signerName: signed.signer.printedName, meaning: signed.meaning,
                    at: signed.at, recordHash: signed.recordHash, recordThroughSequence: signed.recordThroughSequence,
                    sequence: event.sequence, verifies: false, problem: "not checked")
                closedAt = closedAt ?? signed.at
            }
        case .sessionAmended(let amendment) where amendment.session == start.session:
            amendments.append(AmendmentEntry(
                at: amendment.at, by: amendment.by.description, text: amendment.text, sequence: event.sequence,
                signedBy: nil, signedAt: nil, signatureSequence: nil, signatureVerifies: nil))
        default:
            break
        }
    }

    func dissociationScores() -> [DissociationEntry] {
        session.dissociationScores.map { scoring in
            DissociationEntry(at: scoring.at, by: scoring.by.description, items: scoring.items, total: scoring.items.reduce(0, +))
        }
    }

    func interventions() -> [InterventionEntry] {
        session.interventions.map { record in
            InterventionEntry(
                at: record.at, by: record.by.description, kind: record.kind.label, detail: record.text,
                isAdverseEvent: record.isAdverseEvent)
        }
    }

    /// Every checklist entry as recorded (a later entry of a kind replaces an earlier one
    /// for the gate; the report keeps both).
    func checklist() -> [ChecklistEntry] {
        session.dischargeItems.map { record in
            let (item, result, isMet): (String, String, Bool) = switch record.item {
            case .aldrete(let score):
                ("Modified Aldrete score", "\(score.total)/\(AldreteScore.maximumTotal) (items \(score.items.map(String.init).joined(separator: " ")))",
                 score.total >= context.signOffRules.aldreteMinimum)
            case .dissociationResolved: ("Dissociation resolved", "yes", true)
            case .ivRemoved: ("IV removed", "yes", true)
            case .escortConfirmed(let name): ("Responsible adult escort", name, !name.trimmingCharacters(in: .whitespaces).isEmpty)
            }
            return ChecklistEntry(at: record.at, by: record.by.description, item: item, result: result, isMet: isMet)
        }
    }
}
