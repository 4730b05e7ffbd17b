import Foundation
import InfusionCore

/// The report as one flat CSV table (RFC 4180, CRLF line ends):
/// `section,index,time,field,value,unit`.
///
/// One row per value. `section` names the part (`session`, `order`, `timeline`,
/// `rateChange`, …); `index` numbers the entries of a list part from 1 (empty for the
/// single-valued parts); `time` is the entry's ISO-8601 UTC time; `value` is a plain
/// number (leading zero, no exponent, up to 4 decimals) or text; `unit` is the unit of a
/// number. The layout is documented in docs/report.md.
struct CSVReportRenderer {
    static let header = ["section", "index", "time", "field", "value", "unit"]

    let report: SessionReport
    private var rows: [[String]] = []

    init(report: SessionReport) { self.report = report }

    func render() -> String {
        var copy = self
        copy.rows = [Self.header]
        copy.addSession()
        copy.addLists()
        copy.addSignOff()
        return copy.rows.map { $0.map(Self.escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, quote or line break (quotes doubled).
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private mutating func row(_ section: String, _ index: Int?, _ time: Date?, _ field: String, _ value: String, _ unit: String = "") {
        rows.append([section, index.map(String.init) ?? "", time.map(ReportTime.iso) ?? "", field, value, unit])
    }

    private mutating func number(_ section: String, _ index: Int?, _ time: Date?, _ field: String, _ value: Double, _ unit: String) {
        row(section, index, time, field, ReportNumber.plain(value), unit)
    }

    private mutating func quantity<Unit: Quantity>(_ section: String, _ index: Int?, _ time: Date?, _ field: String, _ value: ReportedQuantity<Unit>?) {
        guard let value else { return }
        number(section, index, time, field, value.quantity.value, Unit.unitSymbol)
    }

    private mutating func addSession() {
        row("session", nil, nil, "session", report.session.rawValue)
        row("session", nil, nil, "status", report.status.rawValue)
        if let clinic = report.clinicName { row("session", nil, nil, "clinic", clinic) }
        row("session", nil, nil, "chair", report.chair.rawValue)
        row("session", nil, report.admittedAt, "admittedAt", ReportTime.iso(report.admittedAt))
        if let at = report.infusionStartedAt { row("session", nil, at, "infusionStartedAt", ReportTime.iso(at)) }
        if let at = report.infusionEndedAt { row("session", nil, at, "infusionEndedAt", ReportTime.iso(at)) }
        if let at = report.closedAt { row("session", nil, at, "closedAt", ReportTime.iso(at)) }
        number("session", nil, nil, "infusionSeconds", report.infusionSeconds, "s")
        quantity("session", nil, nil, "doseGiven", report.doseGiven)
        quantity("session", nil, nil, "doseGivenPerKilogram", report.doseGivenPerKilogram)
        quantity("session", nil, nil, "volumeGiven", report.volumeGiven)
        row("session", nil, nil, "journalSequences", "\(report.firstSequence)-\(report.lastSequence)")
        row("patient", nil, nil, "mrn", report.patient.mrn)
        row("patient", nil, nil, "name", report.patient.name)
        row("patient", nil, nil, "dateOfBirth", report.patient.dateOfBirth)
        let order = report.order
        row("order", nil, nil, "drugName", order.drugName)
        quantity("order", nil, nil, "dose", order.dose)
        number("order", nil, nil, "durationSeconds", order.durationSeconds, "s")
        quantity("order", nil, nil, "concentration", order.concentration)
        quantity("order", nil, nil, "doseRate", order.doseRate)
        quantity("order", nil, nil, "plannedDose", order.plannedDose)
        quantity("order", nil, nil, "plannedFlow", order.plannedFlow)
        for (index, weight) in report.weights.enumerated() {
            quantity("weight", index + 1, weight.recordedAt, "weight", weight.weight)
            row("weight", index + 1, weight.recordedAt, "measuredAt", ReportTime.iso(weight.measuredAt))
            if let by = weight.by { row("weight", index + 1, weight.recordedAt, "by", by) }
        }
        for value in report.baseline { number("baseline", nil, report.admittedAt, value.kind.rawValue, value.value, value.unit) }
        for (index, device) in report.devices.enumerated() {
            row("device", index + 1, nil, "id", device.id.rawValue)
            row("device", index + 1, nil, "kind", device.kind.rawValue)
            row("device", index + 1, nil, "simulated", device.isSimulated ? "yes" : "no")
        }
        for (index, phase) in report.phases.enumerated() { row("phase", index + 1, phase.at, "phase", phase.phase.rawValue) }
    }

    private mutating func addLists() {
        for (index, sample) in report.timeline.enumerated() {
            let at = sample.at, number = index + 1
            if let value = sample.heartRate { self.number("timeline", number, at, "HR", value, "bpm") }
            if let value = sample.spo2 { self.number("timeline", number, at, "SpO2", value, "%") }
            if let value = sample.systolic { self.number("timeline", number, at, "SYS", value, "mmHg") }
            if let value = sample.diastolic { self.number("timeline", number, at, "DIA", value, "mmHg") }
            if let status = sample.pumpStatus { row("timeline", number, at, "pumpStatus", status.rawValue) }
            quantity("timeline", number, at, "doseRate", sample.doseRate)
            quantity("timeline", number, at, "flow", sample.flow)
        }
        for (index, change) in report.rateChanges.enumerated() {
            let at = change.at, number = index + 1
            quantity("rateChange", number, at, "oldRate", change.oldRate)
            quantity("rateChange", number, at, "newRate", change.newRate)
            quantity("rateChange", number, at, "oldFlow", change.oldFlow)
            quantity("rateChange", number, at, "newFlow", change.newFlow)
            row("rateChange", number, at, "by", change.by)
            if let reason = change.reason { row("rateChange", number, at, "reason", reason) }
            row("rateChange", number, at, "overrodeSoftLimit", change.overrodeSoftLimit ? "yes" : "no")
            row("rateChange", number, at, "confirmedAt", change.confirmedAt.map(ReportTime.iso) ?? "")
        }
        for (index, order) in report.controlOrders.enumerated() {
            row("controlOrder", index + 1, order.at, "action", order.action.rawValue)
            row("controlOrder", index + 1, order.at, "by", order.by)
        }
        for (index, alarm) in report.alarms.enumerated() {
            let at = alarm.raisedAt, number = index + 1
            row("alarm", number, at, "key", alarm.key)
            row("alarm", number, at, "category", alarm.category.rawValue)
            row("alarm", number, at, "priority", alarm.priority.word)
            row("alarm", number, at, "text", alarm.text)
            row("alarm", number, at, "onsetAt", ReportTime.iso(alarm.onsetAt))
            row("alarm", number, at, "endedAt", alarm.endedAt.map(ReportTime.iso) ?? "")
            row("alarm", number, at, "acknowledgedAt", alarm.acknowledgedAt.map(ReportTime.iso) ?? "")
            row("alarm", number, at, "acknowledgedBy", alarm.acknowledgedBy ?? "")
        }
    }

    private mutating func addSignOff() {
        for (index, score) in report.dissociationScores.enumerated() {
            row("dissociation", index + 1, score.at, "total", String(score.total))
            row("dissociation", index + 1, score.at, "items", score.items.map(String.init).joined(separator: " "))
            row("dissociation", index + 1, score.at, "by", score.by)
        }
        for (index, entry) in report.interventions.enumerated() {
            row("intervention", index + 1, entry.at, "kind", entry.kind)
            row("intervention", index + 1, entry.at, "detail", entry.detail)
            row("intervention", index + 1, entry.at, "by", entry.by)
        }
        for (index, entry) in report.checklist.enumerated() {
            row("checklist", index + 1, entry.at, "item", entry.item)
            row("checklist", index + 1, entry.at, "result", entry.result)
            row("checklist", index + 1, entry.at, "met", entry.isMet ? "yes" : "no")
            row("checklist", index + 1, entry.at, "by", entry.by)
        }
        if let signature = report.signature {
            row("signature", nil, signature.at, "signerID", signature.signerID)
            row("signature", nil, signature.at, "signerName", signature.signerName)
            row("signature", nil, signature.at, "meaning", signature.meaning)
            row("signature", nil, signature.at, "recordHash", signature.recordHash)
            row("signature", nil, signature.at, "recordThroughSequence", String(signature.recordThroughSequence))
            row("signature", nil, signature.at, "verifies", signature.verifies ? "yes" : "no")
            if let problem = signature.problem { row("signature", nil, signature.at, "problem", problem) }
        }
        for (index, amendment) in report.amendments.enumerated() {
            row("amendment", index + 1, amendment.at, "text", amendment.text)
            row("amendment", index + 1, amendment.at, "by", amendment.by)
        }
    }
}
