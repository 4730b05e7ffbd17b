import Foundation
import InfusionCore

/// The report as one self-contained HTML file: inline CSS and one inline SVG chart, no
/// scripts, no fonts or images to fetch. Opens from disk in any browser, prints cleanly.
///
/// Every piece of journal text is escaped (``HTMLText/escape(_:)``); every number goes
/// through `NumberText` or a unit's `formatted` (never `.75`); every state is a word or a
/// marker as well as a colour.
struct HTMLReportRenderer {
    let report: SessionReport
    let time: ReportTime

    func render() -> String {
        let title = "Session report \(report.session) - \(report.patient.name)"
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(e(title))</title>\n<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n"
        html += header() + course() + chart() + rateChanges() + alarms() + clinical() + signatureBlock()
        html += "<footer>Built from journal records \(report.firstSequence)–\(report.lastSequence). "
        html += "Infusion Central is not a certified medical device; the bedside monitor and pump are the primary records of their data.</footer>\n"
        return html + "</body>\n</html>\n"
    }

    private func e(_ text: String) -> String { HTMLText.escape(text) }

    private func row(_ cells: [String], numeric: Set<Int> = []) -> String {
        "<tr>" + cells.enumerated().map { index, cell in numeric.contains(index) ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>" }.joined() + "</tr>\n"
    }

    private func table(_ id: String, _ headers: [String], _ rows: [String], empty: String) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\" id=\"\(id)\">\(e(empty))</p>\n" }
        return "<table id=\"\(id)\">\n<thead><tr>" + headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            + rows.joined() + "</tbody>\n</table>\n"
    }

    private func header() -> String {
        var html = "<header>\n<h1>Session report\(report.clinicName.map { " — \(e($0))" } ?? "")"
        html += "<span class=\"status\">\(ReportWords.status(report.status))</span></h1>\n"
        html += "<p class=\"subtitle\">Session \(e(report.session.rawValue)) · \(e(report.chair.rawValue)) · times in \(e(time.zoneLabel(at: report.admittedAt)))</p>\n"
        if report.hasSimulatedDevices {
            html += "<p class=\"banner\">SIMULATED DEVICES — this session's vitals and pump data came from simulated devices.</p>\n"
        }
        html += "<div class=\"grid\">\n<section><h2>Patient</h2><dl id=\"patient\">\n"
        html += "<dt>Name</dt><dd><strong>\(e(report.patient.name))</strong></dd>\n"
        html += "<dt>MRN</dt><dd>\(e(report.patient.mrn))</dd>\n<dt>Date of birth</dt><dd>\(e(report.patient.dateOfBirth))</dd>\n"
        for (index, weight) in report.weights.enumerated() {
            var text = "\(e(weight.weight.text)), measured \(e(time.dateTime(weight.measuredAt)))"
            if index > 0, let by = weight.by { text += " (correction by \(e(by)) at \(e(time.dateTime(weight.recordedAt))))" }
            html += "<dt>\(index == 0 ? "Weight" : "Weight now")</dt><dd>\(text)</dd>\n"
        }
        let baseline = report.baseline.map { "\(e($0.kind.rawValue)) \(e(ReportWords.vital($0.kind, $0.value)))" }.joined(separator: ", ")
        html += "<dt>Baseline</dt><dd>\(baseline.isEmpty ? "—" : baseline)</dd>\n</dl></section>\n"
        let order = report.order
        html += "<section><h2>Order</h2><dl id=\"order\">\n"
        html += "<dt>Drug</dt><dd>\(e(order.drugName))</dd>\n"
        html += "<dt>Dose</dt><dd>\(e(order.dose.text)) over \(e(ReportWords.duration(order.durationSeconds)))</dd>\n"
        html += "<dt>Rate</dt><dd>\(e(order.doseRate.text)) = \(e(order.plannedFlow.text)) at \(e(order.concentration.text))</dd>\n"
        html += "<dt>Planned total</dt><dd>\(e(order.plannedDose.text))</dd>\n"
        let devices = report.devices.map { "\(e($0.label)) (\(e($0.kind.rawValue))\($0.isSimulated ? ", SIM" : ""))" }.joined(separator: ", ")
        html += "<dt>Devices</dt><dd>\(devices.isEmpty ? "—" : devices)</dd>\n</dl></section>\n</div>\n</header>\n"
        return html
    }

    private func course() -> String {
        var html = "<section><h2>Course</h2>\n<div class=\"grid\">\n<dl id=\"course\">\n"
        html += "<dt>Admitted</dt><dd>\(e(time.dateTime(report.admittedAt)))</dd>\n"
        html += "<dt>Infusion</dt><dd>\(e(time.dateTime(report.infusionStartedAt))) to \(e(time.dateTime(report.infusionEndedAt)))</dd>\n"
        html += "<dt>Pump running</dt><dd>\(e(ReportWords.duration(report.infusionSeconds))) of \(e(ReportWords.duration(report.order.durationSeconds))) planned</dd>\n"
        html += "<dt>Dose given</dt><dd><strong>\(e(report.doseGiven.text))</strong> (\(e(report.doseGivenPerKilogram.text))) of \(e(report.order.plannedDose.text)) planned</dd>\n"
        html += "<dt>Volume given</dt><dd>\(e(report.volumeGiven.text))</dd>\n"
        html += "<dt>Closed</dt><dd>\(e(time.dateTime(report.closedAt)))</dd>\n</dl>\n"
        let phases = report.phases.map { row([e(time.dateTime($0.at)), e(ReportWords.phase($0.phase))]) }
        html += "<div>" + table("phases", ["Time", "Phase"], phases, empty: "No phases recorded.") + "</div>\n</div>\n</section>\n"
        return html
    }

    private func chart() -> String {
        var html = "<section><h2>Timeline</h2>\n<figure>\n" + TimelineChart(report: report, time: time).render() + "\n"
        html += "<ul class=\"legend\">"
        html += legend("<line x1=\"0\" y1=\"6\" x2=\"22\" y2=\"6\" stroke=\"\(TimelineChart.heartRateColour)\" stroke-width=\"2\"/>", "HR (bpm, per-minute mean)")
        html += legend("<line x1=\"0\" y1=\"6\" x2=\"22\" y2=\"6\" stroke=\"\(TimelineChart.spo2Colour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>", "SpO2 (%)")
        html += legend("<path d=\"M3 2L13 2L8 10Z\" fill=\"\(TimelineChart.pressureColour)\"/><path d=\"M13 10L23 10L18 2Z\" fill=\"\(TimelineChart.pressureColour)\"/>", "NIBP systolic ▼ / diastolic ▲ (mmHg)")
        html += legend("<path d=\"M0 10H8V3H22\" fill=\"none\" stroke=\"\(TimelineChart.rateColour)\" stroke-width=\"2.5\"/>", "Infusion rate reported by the pump (mg/kg/h, right axis)")
        html += legend("<line x1=\"11\" y1=\"0\" x2=\"11\" y2=\"12\" stroke=\"\(TimelineChart.rateColour)\" stroke-dasharray=\"3 2\"/>", "R1…: rate changes")
        html += legend("<rect x=\"1\" y=\"1\" width=\"20\" height=\"10\" fill=\"\(TimelineChart.alarmColour(.high))\" fill-opacity=\"0.25\" stroke=\"\(TimelineChart.alarmColour(.high))\"/>", "A1…: alarms, raised to ended (!!! high, !! medium, ! low)")
        html += "</ul>\n<figcaption>Nothing is interpolated: lines break where data is missing for more than 3 minutes.</figcaption>\n</figure>\n</section>\n"
        return html
    }

    private func legend(_ swatch: String, _ label: String) -> String {
        "<li><svg width=\"24\" height=\"12\" aria-hidden=\"true\">\(swatch)</svg>\(e(label))</li>"
    }

    private func rateChanges() -> String {
        let rows = report.rateChanges.enumerated().map { index, change in
            var reason = change.reason.map(e) ?? "—"
            if change.overrodeSoftLimit { reason = "<span class=\"bad\">SOFT LIMIT OVERRIDDEN</span> " + reason }
            let confirmed = change.confirmedAt.map { e(time.time($0)) } ?? "<span class=\"bad\">NOT CONFIRMED</span>"
            return row([
                "R\(index + 1)", e(time.dateTime(change.at)), e(ReportWords.change(change.oldRate, change.newRate)),
                e(ReportWords.change(change.oldFlow, change.newFlow)), e(change.by), reason, confirmed,
            ])
        }
        var html = "<section><h2>Rate changes</h2>\n"
        html += table("rate-changes", ["#", "Time", "Dose rate", "Pump flow", "Ordered by", "Reason", "Pump confirmed"], rows, empty: "No rate changes.")
        let orders = report.controlOrders.map { row([e(time.dateTime($0.at)), e($0.action.word), e($0.by)]) }
        if !orders.isEmpty { html += table("pump-orders", ["Time", "Order", "By"], orders, empty: "") }
        return html + "</section>\n"
    }

    private func alarms() -> String {
        let rows = report.alarms.enumerated().map { index, alarm in
            let priority = "<span class=\"prio-\(alarm.priority == .high ? "high" : alarm.priority == .medium ? "medium" : "low")\">\(e(ReportWords.priority(alarm.priority)))</span>"
            let ended = alarm.endedAt.map { "\(e(time.time($0))) (\(e(ReportWords.duration($0.timeIntervalSince(alarm.onsetAt)))))" }
                ?? (report.closedAt == nil ? "still active" : "active at close")
            let acknowledged = alarm.acknowledgedAt.map { "\(e(time.time($0))) by \(e(alarm.acknowledgedBy ?? "-"))" } ?? "—"
            return row([
                "A\(index + 1)", e(time.time(alarm.onsetAt)), e(time.dateTime(alarm.raisedAt)), priority, e(alarm.category.shortLabel),
                e(alarm.text), ended, acknowledged,
            ])
        }
        return "<section><h2>Alarms</h2>\n" + table("alarms", ["#", "Onset", "Raised", "Priority", "Type", "Alarm", "Ended (duration from onset)", "Acknowledged"], rows, empty: "No alarms.") + "</section>\n"
    }

    private func clinical() -> String {
        let scores = report.dissociationScores.map { score in
            row([e(time.dateTime(score.at)), e(score.items.map(String.init).joined(separator: " · ")), "\(score.total)/24", e(score.by)], numeric: [2])
        }
        var html = "<section><h2>Dissociation (CADSS-6)</h2>\n" + table("cadss", ["Time", "Items (0–4 each)", "Total", "By"], scores, empty: "No scores recorded.") + "</section>\n"
        let interventions = report.interventions.map { entry in
            row([e(time.dateTime(entry.at)), e(entry.kind), entry.isAdverseEvent ? "<strong>adverse event</strong>" : "treatment", e(entry.detail), e(entry.by)])
        }
        html += "<section><h2>Interventions and adverse events</h2>\n" + table("interventions", ["Time", "Kind", "Type", "Detail", "By"], interventions, empty: "None recorded.") + "</section>\n"
        let checklist = report.checklist.map { entry in
            let met = entry.isMet ? "<span class=\"good\">✓ met</span>" : "<span class=\"bad\">✗ not met</span>"
            return row([e(time.dateTime(entry.at)), e(entry.item), e(entry.result), met, e(entry.by)])
        }
        html += "<section><h2>Discharge checklist</h2>\n" + table("checklist", ["Time", "Item", "Recorded", "Rule", "By"], checklist, empty: "No checklist entries.") + "</section>\n"
        return html
    }

    private func signatureBlock() -> String {
        var html = "<section><h2>Signature</h2>\n"
        guard let signature = report.signature else {
            return html + "<div class=\"signature unsigned\" id=\"signature\"><strong>NOT SIGNED.</strong> This record has not been signed off.</div>\n</section>\n"
        }
        let verdict = signature.verifies
            ? "<span class=\"good\">✓ VERIFIES</span> — the signed record is unchanged in the journal."
            : "<span class=\"bad\">✗ DOES NOT VERIFY</span> — \(e(signature.problem ?? "the record differs from the one signed"))"
        html += "<div class=\"signature\" id=\"signature\"><dl>\n"
        html += "<dt>Signed by</dt><dd><strong>\(e(signature.signerName))</strong> (\(e(signature.signerID)))</dd>\n"
        html += "<dt>Date and time</dt><dd>\(e(time.dateTime(signature.at)))</dd>\n"
        html += "<dt>Meaning</dt><dd>\(e(signature.meaning))</dd>\n"
        html += "<dt>Record hash</dt><dd class=\"mono\">SHA-256 \(e(signature.recordHash)) (journal records through \(signature.recordThroughSequence))</dd>\n"
        html += "<dt>Binding</dt><dd id=\"binding\">\(verdict)</dd>\n</dl></div>\n"
        let amendments = report.amendments.map { amendment in
            let signed = amendment.signedBy.map { name in
                "\(e(name)) at \(e(time.dateTime(amendment.signedAt))) " + (amendment.signatureVerifies == true ? "<span class=\"good\">✓ verifies</span>" : "<span class=\"bad\">✗ does not verify</span>")
            } ?? "<span class=\"bad\">not signed</span>"
            return row([e(time.dateTime(amendment.at)), e(amendment.by), e(amendment.text), signed])
        }
        if !amendments.isEmpty { html += "<h2>Amendments</h2>\n" + table("amendments", ["Time", "By", "Correction", "Signed"], amendments, empty: "") }
        return html + "</section>\n"
    }
}
