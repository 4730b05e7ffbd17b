import Foundation
import InfusionCore

/// Sign-off (`D`): refused, with everything missing listed, until the discharge checklist
/// is complete; then the session summary, the signer's printed name, the date and time
/// and the meaning of the signature, with ID and PIN asked again.
enum SignOffForm {
    static func open(_ chair: ChairState, clinic: ClinicState, station: StationContext, signer: OperatorIdentity) -> FormDialog {
        guard let session = chair.session, let checklist = DischargeGate.evaluate(
            chair: chair.id, in: clinic, rules: station.signOffRules, at: station.now, freshness: station.freshness)
        else {
            return FormDialog(purpose: .notice(chair.id), title: "sign-off", header: [DoseRefusal.noSession.message], fields: [])
        }
        let vitals = checklist.vitals.map { "  " + $0.label }
        guard checklist.isComplete else {
            return FormDialog(purpose: .notice(chair.id), title: "sign-off REFUSED",
                              header: ["Sign-off refused; missing:"] + checklist.missing.map { "  " + $0.message }
                                  + ["Vitals vs baseline (±\(Int(station.signOffRules.vitalsTolerance * 100)) %):"] + vitals,
                              fields: [])
        }
        var header = [
            "\(session.start.patient.name) (MRN \(session.start.patient.mrn), born \(session.start.patient.dateOfBirth))",
            "\(session.order.drugName) \(session.order.dose) over \(Int(session.order.duration / 60)) min at "
                + "\(session.order.concentration), \(session.weight)",
            "Given \(session.doseGiven) of \(session.plannedDose); observed "
                + DurationText.clock(checklist.observationElapsed ?? 0),
            "Vitals vs baseline:",
        ]
        header += vitals
        header.append("Aldrete \(checklist.aldrete?.total ?? 0); escort \(checklist.escortName ?? "-")")
        header.append("Signer: \(signer.printedName) (\(signer.role.title))")
        header.append("Date and time: \(DoseDialog.dateText(station.now, in: station.timeZone)) "
            + TimeOfDay.text(station.now, in: station.timeZone))
        header.append("Meaning: \(SessionSignature.dischargeMeaning)")
        header.append("Sign with your ID and PIN:")
        return FormDialog(purpose: .signOff(chair.id), title: "sign off session", header: header, fields: [
            FormField("user", "ID", .text(maxLength: 32), value: signer.user.rawValue),
            FormField("pin", "PIN", .secret),
        ])
    }
}
