import Foundation
import InfusionCore
import Journal

extension SessionReportLoader {
    /// Every session in the journal, oldest admission first, with its status and signer.
    public func sessions() throws(ReportError) -> [SessionSummary] {
        let kinds = ["sessionStarted", "sessionEnded", "sessionSigned"]
        let events: [ClinicEvent]
        do {
            events = try store.events(filter: EventFilter(kinds: kinds))
        } catch {
            throw .journal(error.description)
        }
        var summaries: [SessionSummary] = []
        var index: [SessionID: Int] = [:]
        for event in events {
            switch event.payload {
            case .sessionStarted(let start):
                index[start.session] = summaries.count
                summaries.append(SessionSummary(
                    session: start.session, chair: start.chair, patient: start.patient, admittedAt: start.admittedAt,
                    closedAt: nil, status: .open, signer: nil))
            case .sessionEnded(let end):
                guard let position = index[end.session] else { continue }
                summaries[position].closedAt = end.at
                if summaries[position].status == .open { summaries[position].status = .closed }
            default:
                guard let signed = event.payload.signature, signed.isDischargeSignature,
                    let position = index[signed.session]
                else { continue }
                summaries[position].status = .signed
                summaries[position].signer = signed.signerName
            }
        }
        return summaries
    }
}
