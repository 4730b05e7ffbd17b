import Foundation
import InfusionCore

/// The report's one timeline chart as inline SVG: HR, SpO2 and NIBP on the left axis
/// (bpm, %, mmHg), the infusion rate the pump reported on the right axis (mg/kg/h), rate
/// changes as dashed lines labelled `R1`…, alarms as bars along the top labelled `A1`…
/// with their priority marker, and the infusion period shaded.
///
/// Lines are broken where data is missing for more than 3 minutes: nothing is interpolated
/// across a gap. Series differ by shape and dash as well as colour.
struct TimelineChart {
    static let width = 1100.0
    static let height = 400.0
    static let plotLeft = 56.0
    static let plotRight = 1030.0
    static let plotTop = 56.0
    static let plotBottom = 350.0
    static let gap: TimeInterval = 180

    static let heartRateColour = "#c0392b"
    static let spo2Colour = "#1f5fbf"
    static let pressureColour = "#6a3d9a"
    static let rateColour = "#1a7f37"

    let report: SessionReport
    let time: ReportTime
    let start: Date
    let end: Date
    let leftMaximum: Double
    let rateMaximum: Double

    init(report: SessionReport, time: ReportTime) {
        self.report = report
        self.time = time
        start = report.admittedAt
        var last = report.timeline.last?.at ?? start
        for date in [report.closedAt, report.signature?.at, report.infusionEndedAt].compactMap(\.self) { last = max(last, date) }
        for alarm in report.alarms { last = max(last, alarm.endedAt ?? alarm.raisedAt) }
        for change in report.rateChanges { last = max(last, change.at) }
        end = last > start.addingTimeInterval(60) ? last : start.addingTimeInterval(60)
        let values = report.timeline.flatMap { [$0.heartRate, $0.spo2, $0.systolic, $0.diastolic].compactMap(\.self) }
        leftMaximum = max(200, ((values.max() ?? 0) / 20).rounded(.up) * 20)
        let rates = report.timeline.compactMap { $0.doseRate?.quantity.value } + report.rateChanges.map(\.newRate.quantity.value)
        let highest = max(rates.max() ?? 0, report.order.doseRate.quantity.value * 1.5, 0.25)
        rateMaximum = highest > 2 ? (highest / 0.5).rounded(.up) * 0.5 : (highest / 0.25).rounded(.up) * 0.25
    }

    func x(_ date: Date) -> Double {
        let fraction = date.timeIntervalSince(start) / end.timeIntervalSince(start)
        return Self.plotLeft + min(max(fraction, 0), 1) * (Self.plotRight - Self.plotLeft)
    }

    func y(_ value: Double) -> Double {
        Self.plotBottom - min(max(value / leftMaximum, 0), 1) * (Self.plotBottom - Self.plotTop)
    }

    func yRate(_ value: Double) -> Double {
        Self.plotBottom - min(max(value / rateMaximum, 0), 1) * (Self.plotBottom - Self.plotTop)
    }

    private func c(_ value: Double) -> String { HTMLText.coordinate(value) }

    /// The `<svg>` element.
    func render() -> String {
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"chart-title\">\n"
        svg += "<title id=\"chart-title\">Timeline of session \(HTMLText.escape(report.session.rawValue)): vitals, infusion rate, rate changes and alarms</title>\n"
        svg += infusionBand() + grid() + rateSeries() + pressureSeries()
        svg += line(\.heartRate, colour: Self.heartRateColour, dash: nil, name: "hr")
        svg += line(\.spo2, colour: Self.spo2Colour, dash: "6 3", name: "spo2")
        svg += rateChangeMarks() + alarmMarks()
        return svg + "</svg>"
    }

    private func infusionBand() -> String {
        guard let started = report.infusionStartedAt else { return "" }
        let left = x(started), right = x(report.infusionEndedAt ?? end)
        return "<rect class=\"infusion\" x=\"\(c(left))\" y=\"\(c(Self.plotTop))\" width=\"\(c(max(right - left, 1)))\" height=\"\(c(Self.plotBottom - Self.plotTop))\" fill=\"#eaf5ec\"/>\n"
            + "<text x=\"\(c(left + 4))\" y=\"\(c(Self.plotBottom - 6))\" font-size=\"11\" fill=\"#1a7f37\">infusion</text>\n"
    }

    private func grid() -> String {
        var svg = "<g class=\"axes\" font-size=\"11\" fill=\"#5b6470\">\n"
        var value = 0.0
        while value <= leftMaximum + 0.001 {
            let yy = c(y(value))
            svg += "<line x1=\"\(c(Self.plotLeft))\" y1=\"\(yy)\" x2=\"\(c(Self.plotRight))\" y2=\"\(yy)\" stroke=\"#e3e7eb\"/>"
            svg += "<text x=\"\(c(Self.plotLeft - 6))\" y=\"\(c(y(value) + 4))\" text-anchor=\"end\">\(NumberText.whole(value))</text>\n"
            value += 20
        }
        let rateStep = rateMaximum > 2 ? 0.5 : 0.25
        for step in 0...Int((rateMaximum / rateStep).rounded()) {
            let rate = Double(step) * rateStep
            svg += "<text x=\"\(c(Self.plotRight + 6))\" y=\"\(c(yRate(rate) + 4))\" fill=\"\(Self.rateColour)\">\(NumberText.fixed(rate, decimals: 2))</text>\n"
        }
        let span = end.timeIntervalSince(start)
        let stepMinutes = [1.0, 2, 5, 10, 15, 20, 30, 60, 120, 240].first { span / ($0 * 60) <= 12 } ?? 480
        var tick = (start.timeIntervalSince1970 / (stepMinutes * 60)).rounded(.up) * stepMinutes * 60
        while tick <= end.timeIntervalSince1970 {
            let xx = x(Date(timeIntervalSince1970: tick))
            svg += "<line x1=\"\(c(xx))\" y1=\"\(c(Self.plotTop))\" x2=\"\(c(xx))\" y2=\"\(c(Self.plotBottom))\" stroke=\"#eef1f4\"/>"
            svg += "<text x=\"\(c(xx))\" y=\"\(c(Self.plotBottom + 16))\" text-anchor=\"middle\">\(String(time.time(Date(timeIntervalSince1970: tick)).prefix(5)))</text>\n"
            tick += stepMinutes * 60
        }
        svg += "<rect x=\"\(c(Self.plotLeft))\" y=\"\(c(Self.plotTop))\" width=\"\(c(Self.plotRight - Self.plotLeft))\" height=\"\(c(Self.plotBottom - Self.plotTop))\" fill=\"none\" stroke=\"#8c959f\"/>\n"
        svg += "<text x=\"\(c(Self.plotLeft - 44))\" y=\"\(c(Self.plotTop - 8))\">bpm · % · mmHg</text>"
        svg += "<text x=\"\(c(Self.plotRight + 6))\" y=\"\(c(Self.plotTop - 8))\" fill=\"\(Self.rateColour)\">mg/kg/h</text>"
        svg += "<text x=\"\(c((Self.plotLeft + Self.plotRight) / 2))\" y=\"\(c(Self.plotBottom + 34))\" text-anchor=\"middle\">time (\(HTMLText.escape(time.zoneLabel(at: start))))</text>\n"
        return svg + "</g>\n"
    }

    /// Continuous series as polylines, broken at gaps.
    private func line(_ value: KeyPath<TimelineSample, Double?>, colour: String, dash: String?, name: String) -> String {
        var runs: [[String]] = []
        var previous: Date?
        for sample in report.timeline {
            guard let v = sample[keyPath: value] else { continue }
            if previous == nil || sample.at.timeIntervalSince(previous!) > Self.gap { runs.append([]) }
            runs[runs.count - 1].append("\(c(x(sample.at))),\(c(y(v)))")
            previous = sample.at
        }
        let dashing = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return runs.map { points in
            points.count == 1
                ? "<circle class=\"\(name)\" cx=\"\(points[0].split(separator: ",")[0])\" cy=\"\(points[0].split(separator: ",")[1])\" r=\"2\" fill=\"\(colour)\"/>\n"
                : "<polyline class=\"\(name)\" points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dashing)/>\n"
        }.joined()
    }

    /// Each NIBP: ▼ at systolic, ▲ at diastolic, joined by a thin line (the anaesthesia chart habit).
    private func pressureSeries() -> String {
        var svg = "<g class=\"nibp\" fill=\"\(Self.pressureColour)\" stroke=\"\(Self.pressureColour)\">\n"
        for sample in report.timeline {
            guard let systolic = sample.systolic else { continue }
            let xx = x(sample.at), top = y(systolic)
            if let diastolic = sample.diastolic {
                let bottom = y(diastolic)
                svg += "<line x1=\"\(c(xx))\" y1=\"\(c(top))\" x2=\"\(c(xx))\" y2=\"\(c(bottom))\" stroke-width=\"1\"/>"
                svg += "<path d=\"M\(c(xx - 5)) \(c(bottom + 4))L\(c(xx + 5)) \(c(bottom + 4))L\(c(xx)) \(c(bottom - 4))Z\"/>"
            }
            svg += "<path d=\"M\(c(xx - 5)) \(c(top - 4))L\(c(xx + 5)) \(c(top - 4))L\(c(xx)) \(c(top + 4))Z\"/>\n"
        }
        return svg + "</g>\n"
    }

    /// The reported rate as a step line with a light fill (right axis).
    private func rateSeries() -> String {
        let points = report.timeline.compactMap { sample in sample.doseRate.map { (sample.at, $0.quantity.value) } }
        guard let first = points.first else { return "" }
        var path = "M\(c(x(first.0))) \(c(yRate(first.1)))"
        for (index, point) in points.enumerated() where index > 0 {
            path += "H\(c(x(point.0)))V\(c(yRate(point.1)))"
        }
        path += "H\(c(x(report.closedAt ?? end)))"
        let area = path + "V\(c(Self.plotBottom))H\(c(x(first.0)))Z"
        return "<path class=\"rate-area\" d=\"\(area)\" fill=\"\(Self.rateColour)\" fill-opacity=\"0.10\" stroke=\"none\"/>\n"
            + "<path class=\"rate\" d=\"\(path)\" fill=\"none\" stroke=\"\(Self.rateColour)\" stroke-width=\"2.5\"/>\n"
    }

    private func rateChangeMarks() -> String {
        var svg = ""
        for (index, change) in report.rateChanges.enumerated() {
            let xx = c(x(change.at))
            svg += "<g class=\"rate-change\"><line x1=\"\(xx)\" y1=\"\(c(Self.plotTop))\" x2=\"\(xx)\" y2=\"\(c(Self.plotBottom))\" stroke=\"\(Self.rateColour)\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(xx)\" y=\"\(c(Self.plotTop - 4))\" font-size=\"11\" font-weight=\"700\" text-anchor=\"middle\" fill=\"\(Self.rateColour)\">R\(index + 1)</text>"
            svg += "<title>R\(index + 1) \(HTMLText.escape(time.time(change.at))): \(HTMLText.escape(ReportWords.change(change.oldRate, change.newRate)))</title></g>\n"
        }
        return svg
    }

    private func alarmMarks() -> String {
        var svg = ""
        for (index, alarm) in report.alarms.enumerated() {
            let left = x(alarm.raisedAt), right = max(x(alarm.endedAt ?? end), left + 3)
            let row = Double(index % 2)
            let top = 8 + row * 18
            let colour = Self.alarmColour(alarm.priority)
            svg += "<g class=\"alarm\"><rect x=\"\(c(left))\" y=\"\(c(top))\" width=\"\(c(right - left))\" height=\"14\" fill=\"\(colour)\" fill-opacity=\"0.25\" stroke=\"\(colour)\"/>"
            svg += "<line x1=\"\(c(left))\" y1=\"\(c(top + 14))\" x2=\"\(c(left))\" y2=\"\(c(Self.plotBottom))\" stroke=\"\(colour)\" stroke-opacity=\"0.5\" stroke-dasharray=\"1 3\"/>"
            svg += "<text x=\"\(c(left + 3))\" y=\"\(c(top + 11))\" font-size=\"11\" font-weight=\"700\" fill=\"#1b1f24\">A\(index + 1) \(alarm.priority.marker)</text>"
            svg += "<title>A\(index + 1) \(alarm.priority.word) \(HTMLText.escape(alarm.text))</title></g>\n"
        }
        return svg
    }

    /// Red, amber, blue: priority is also written as `!!!`/`!!`/`!` beside each bar.
    static func alarmColour(_ priority: AlarmPriority) -> String {
        switch priority {
        case .high: "#d1242f"
        case .medium: "#bf8700"
        case .low: "#0969da"
        }
    }
}
