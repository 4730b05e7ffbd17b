import Foundation
import InfusionCore

/// Admission to a free chair (`n`): two identifiers, dated weight in kg, the protocol from
/// the drug library, and baseline vitals taken from the chair's monitor (or typed).
enum AdmissionForm {
    static func open(_ chair: ChairState, clinic: ClinicState, station: StationContext) -> FormDialog {
        let entry = station.library.drugs.first
        func current(_ kind: VitalKind) -> String {
            guard let reading = chair.vitals[kind], chair.unavailable[kind] == nil,
                !station.freshness.freshness(of: reading, kind: kind, device: clinic.devices[reading.device], at: station.now)
                    .isExpired
            else { return "" }
            return kind.format(reading.value)
        }
        let today = DoseDialog.dateText(station.now, in: station.timeZone)
        var fields = [
            FormField("mrn", "MRN", .text(maxLength: 20)),
            FormField("name", "Name (family, given)", .text(maxLength: 40)),
            FormField("dob", "Date of birth", .date),
            FormField("weight", "Weight kg (never lb)", .number),
            FormField("weighed", "Weighed on", .date, value: today),
            FormField("drug", "Drug", .choice(station.library.drugs.map(\.name)), value: entry?.name ?? ""),
            FormField("concentration", "Concentration mg/mL", .choice(entry?.concentrations.map { NumberText.fixed($0.value, decimals: 2) } ?? []),
                      value: entry?.concentrations.first.map { NumberText.fixed($0.value, decimals: 2) } ?? ""),
            FormField("dose", "Dose mg/kg", .number, value: entry.map { NumberText.fixed($0.defaultDose.value, decimals: 2) } ?? ""),
            FormField("minutes", "Over minutes", .number, value: entry.map { String(Int($0.defaultDuration / 60)) } ?? ""),
        ]
        fields += [(VitalKind.heartRate, "hr"), (.systolic, "sys"), (.diastolic, "dia"), (.spo2, "spo2")].map { kind, key in
            FormField(key, "Baseline \(kind.rawValue)", .number, value: current(kind))
        }
        fields.append(FormField("reason", "Reason if BP above limit", .text(maxLength: 60), optional: true))
        let source = chair.devices[.monitor].map { "from monitor \($0) (check, or type)" } ?? "typed (no monitor)"
        return FormDialog(purpose: .admission(chair.id), title: "admit patient",
                          header: ["Baseline vitals " + source], fields: fields)
    }

    static func submit(
        _ form: FormDialog, clinic: ClinicState, station: StationContext, by who: OperatorIdentity
    ) -> ClinicForms.Result {
        let chairID = form.purpose.chair
        var again = form
        func refuse(_ key: String, _ why: String) -> ClinicForms.Result {
            again.revisit(key, notice: why)
            return .refused(again)
        }
        guard let chair = clinic[chair: chairID], !chair.isOccupied else { return refuse("mrn", "The chair is not free") }
        let number = { (key: String) in Double(form.value(key)) ?? 0 }
        let weight = number("weight")
        guard WeightChangeIntent.plausibleRange.contains(weight) else {
            return refuse("weight", "\(NumberText.fixed(weight, decimals: 1)) kg is outside 20-300 kg (kg only, never lb)")
        }
        guard let weighed = FormField.date(form.value("weighed"), in: station.timeZone), weighed <= station.now else {
            return refuse("weighed", "The weight cannot be dated in the future")
        }
        guard let born = FormField.date(form.value("dob")), born < station.now else {
            return refuse("dob", "The date of birth must be in the past")
        }
        _ = born
        guard let entry = station.library.entry(named: form.value("drug")) else { return refuse("drug", "Not in the drug library") }
        guard let concentration = entry.concentrations.first(where: { NumberText.fixed($0.value, decimals: 2) == form.value("concentration") })
        else { return refuse("concentration", "Pick one of \(entry.name)'s standard concentrations") }
        let dose = MilligramsPerKilogram(number("dose"))
        let duration = number("minutes") * 60
        guard duration > 0 else { return refuse("minutes", "The infusion needs a duration") }
        let order = InfusionOrder(drugName: entry.name, dose: dose, duration: duration, concentration: concentration)
        if dose > entry.totalDoseLimits.hard {
            return refuse("dose", "REFUSED: \(dose) is above the hard limit \(entry.totalDoseLimits.hard)")
        }
        if order.doseRate > entry.rateLimits.hardUpper || order.doseRate < entry.rateLimits.hardLower {
            return refuse("minutes", "REFUSED: \(order.doseRate) is outside the hard limits "
                + "\(entry.rateLimits.hardLower.formatted)-\(entry.rateLimits.hardUpper)")
        }
        var baseline: [VitalKind: Double] = [:]
        for (kind, key) in [(VitalKind.heartRate, "hr"), (.systolic, "sys"), (.diastolic, "dia"), (.spo2, "spo2")] {
            let value = number(key)
            guard kind.plausibleRange.contains(value) else { return refuse(key, "Baseline \(kind.rawValue) is not plausible") }
            baseline[kind] = value
        }
        let warning = station.admissionRules.baselineWarning(systolic: baseline[.systolic] ?? 0, diastolic: baseline[.diastolic] ?? 0)
        if let warning, form.value("reason").isEmpty { return refuse("reason", warning) }
        let start = SessionStart(
            session: SessionID("\(chairID.rawValue)-\(Int(station.now.timeIntervalSince1970))"), chair: chairID,
            patient: PatientIdentity(mrn: form.value("mrn"), name: form.value("name"), dateOfBirth: form.value("dob")),
            weight: Kilograms(weight), weighedAt: weighed, order: order, baseline: baseline, admittedAt: station.now,
            admittedBy: who, baselineWarningReason: warning == nil ? nil : form.value("reason"))
        return .effects([.admit(start)])
    }
}
