import Foundation
import InfusionCore

/// The report as plain text for a terminal or a printout: sections with aligned lines.
struct TextReportRenderer {
    let report: SessionReport
    let time: ReportTime
    private var lines: [String] = []

    init(report: SessionReport, time: ReportTime) {
        self.report = report
        self.time = time
    }

    func render() -> String {
        var copy = self
        copy.header()
        copy.course()
        copy.rateChanges()
        copy.alarmLines()
        copy.clinical()
        copy.signatureLines()
        return copy.lines.joined(separator: "\n") + "\n"
    }

    private mutating func add(_ line: String = "") { lines.append(line) }

    private mutating func section(_ title: String) {
        add()
        add(title)
        add(String(repeating: "-", count: title.count))
    }

    private mutating func header() {
        let title = "Session report \(report.session)" + (report.clinicName.map { " - \($0)" } ?? "")
        add(title)
        add(String(repeating: "=", count: title.count))
        if report.hasSimulatedDevices { add("SIMULATED DEVICES: this session's data came from simulated devices.") }
        add("Status:        \(ReportWords.status(report.status))")
        add("Times in:      \(time.zoneLabel(at: report.admittedAt))")
        add("Patient:       \(report.patient.name), MRN \(report.patient.mrn), born \(report.patient.dateOfBirth)")
        add("Chair:         \(report.chair)")
        add("Order:         \(ReportWords.order(report.order))")
        for (index, weight) in report.weights.enumerated() {
            let label = index == 0 ? "Weight:        " : "  corrected:   "
            var line = "\(label)\(weight.weight.text), measured \(time.dateTime(weight.measuredAt))"
            if let by = weight.by { line += ", by \(by) at \(time.dateTime(weight.recordedAt))" }
            add(line)
        }
        add("Baseline:      " + (report.baseline.isEmpty ? "-" : report.baseline.map { "\($0.kind.rawValue) \(ReportWords.vital($0.kind, $0.value))" }.joined(separator: ", ")))
        if !report.devices.isEmpty {
            add("Devices:       " + report.devices.map { "\($0.label) (\($0.kind.rawValue)\($0.isSimulated ? ", SIM" : ""))" }.joined(separator: ", "))
        }
    }

    private mutating func course() {
        section("Course")
        for phase in report.phases { add("\(time.dateTime(phase.at))  \(ReportWords.phase(phase.phase))") }
        if let closed = report.closedAt { add("\(time.dateTime(closed))  Session closed") }
        add("Infusion:      \(time.dateTime(report.infusionStartedAt)) to \(time.dateTime(report.infusionEndedAt)), running \(ReportWords.duration(report.infusionSeconds)) of \(ReportWords.duration(report.order.durationSeconds))")
        add("Dose given:    \(report.doseGiven.text) (\(report.doseGivenPerKilogram.text)) of \(report.order.plannedDose.text) planned; volume \(report.volumeGiven.text)")
        let vitals = report.timeline.filter(\.hasVitals)
        add("Vitals:        \(vitals.count) points (per-minute HR/SpO2, each NIBP); pump changes: \(report.timeline.filter { $0.pumpStatus != nil }.count)")
        for sample in report.timeline where sample.systolic != nil || sample.pumpStatus != nil {
            var parts: [String] = []
            if let systolic = sample.systolic, let diastolic = sample.diastolic {
                parts.append("NIBP \(VitalKind.systolic.format(systolic))/\(VitalKind.diastolic.format(diastolic)) mmHg")
            }
            if let status = sample.pumpStatus, let rate = sample.doseRate, let flow = sample.flow {
                parts.append("pump \(status.rawValue) \(rate.text) \(flow.text)")
            }
            add("  \(time.dateTime(sample.at))  " + parts.joined(separator: "; "))
        }
    }

    private mutating func rateChanges() {
        section("Rate changes and pump orders")
        if report.rateChanges.isEmpty && report.controlOrders.isEmpty { add("(none)") }
        for (index, change) in report.rateChanges.enumerated() {
            var line = "R\(index + 1) \(time.dateTime(change.at))  \(ReportWords.change(change.oldRate, change.newRate)), "
                + "\(ReportWords.change(change.oldFlow, change.newFlow))  by \(change.by)"
            if change.overrodeSoftLimit { line += "  SOFT LIMIT OVERRIDDEN" }
            if let reason = change.reason, !reason.isEmpty { line += "  reason: \(reason)" }
            line += change.confirmedAt.map { "  confirmed by pump \(time.time($0))" } ?? "  NOT CONFIRMED by pump"
            add(line)
        }
        for order in report.controlOrders { add("   \(time.dateTime(order.at))  \(order.action.word)  by \(order.by)") }
    }

    private mutating func alarmLines() {
        section("Alarms")
        if report.alarms.isEmpty { add("(none)") }
        for (index, alarm) in report.alarms.enumerated() {
            var line = "A\(index + 1) \(time.dateTime(alarm.raisedAt)) (onset \(time.time(alarm.onsetAt)))  \(ReportWords.priority(alarm.priority)) \(alarm.category.shortLabel)  \(alarm.text)"
            line += alarm.endedAt.map { "  ended \(time.time($0)) (\(ReportWords.duration($0.timeIntervalSince(alarm.onsetAt))))" } ?? (report.closedAt == nil ? "  still active" : "  active at close")
            if let at = alarm.acknowledgedAt { line += "  acknowledged \(time.time(at)) by \(alarm.acknowledgedBy ?? "-")" }
            add(line)
        }
    }

    private mutating func clinical() {
        section("Dissociation (CADSS-6)")
        if report.dissociationScores.isEmpty { add("(none)") }
        for score in report.dissociationScores {
            add("\(time.dateTime(score.at))  total \(score.total)/24  items \(score.items.map(String.init).joined(separator: " "))  by \(score.by)")
        }
        section("Interventions and adverse events")
        if report.interventions.isEmpty { add("(none)") }
        for entry in report.interventions { add("\(time.dateTime(entry.at))  \(entry.kind): \(entry.detail)  by \(entry.by)") }
        section("Discharge checklist")
        if report.checklist.isEmpty { add("(none)") }
        for entry in report.checklist {
            add("\(time.dateTime(entry.at))  [\(entry.isMet ? "x" : " ")] \(entry.item): \(entry.result)  by \(entry.by)")
        }
    }

    private mutating func signatureLines() {
        section("Signature")
        guard let signature = report.signature else {
            add("NOT SIGNED")
            return
        }
        add("Signed by:     \(signature.signerName) (\(signature.signerID))")
        add("At:            \(time.dateTime(signature.at))")
        add("Meaning:       \(signature.meaning)")
        add("Record hash:   \(signature.recordHash) (through record \(signature.recordThroughSequence))")
        add("Binding:       \(ReportWords.verification(signature))")
        for amendment in report.amendments { add("Amendment:     \(time.dateTime(amendment.at)) by \(amendment.by): \(amendment.text)") }
    }
}
