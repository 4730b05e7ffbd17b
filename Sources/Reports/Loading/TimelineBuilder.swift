import Foundation
import InfusionCore

/// Folds vitals and pump reports into the report's timeline (see ``TimelineSample``).
///
/// Continuous HR and SpO2 are averaged per minute (as the screen's trends are); each NIBP
/// reading keeps its own time; a pump report adds a point only where the pump's status or
/// flow changed. Non-finite and implausible values are left out, as the model leaves them
/// out. Late pump reports (older than the last one) are placed by the model at their time
/// but do not move the rate; here they are skipped for the same reason.
struct TimelineBuilder {
    private struct MinuteMean {
        var heartRate = Mean()
        var spo2 = Mean()
    }

    private struct Mean {
        var sum = 0.0
        var count = 0
        mutating func add(_ value: Double) {
            sum += value
            count += 1
        }
        var value: Double? { count > 0 ? ReportNumber.rounded(sum / Double(count), decimals: 1) : nil }
    }

    private var minutes: [Date: MinuteMean] = [:]
    private var points: [Date: TimelineSample] = [:]
    private var lastPump: PumpReport?

    /// Adds one monitor message.
    mutating func add(_ observation: VitalsObservation) {
        var pressure: (systolic: Double?, diastolic: Double?, at: Date?) = (nil, nil, nil)
        for sample in observation.samples where sample.value.isFinite && sample.kind.plausibleRange.contains(sample.value) {
            switch sample.kind {
            case .heartRate: minutes[Self.minute(of: sample.measuredAt), default: MinuteMean()].heartRate.add(sample.value)
            case .spo2: minutes[Self.minute(of: sample.measuredAt), default: MinuteMean()].spo2.add(sample.value)
            case .systolic:
                pressure.systolic = sample.value
                pressure.at = pressure.at ?? sample.measuredAt
            case .diastolic:
                pressure.diastolic = sample.value
                pressure.at = pressure.at ?? sample.measuredAt
            default: break
            }
        }
        if let at = pressure.at {
            update(at) { point in
                point.systolic = pressure.systolic.map { ReportNumber.rounded($0, decimals: 1) }
                point.diastolic = pressure.diastolic.map { ReportNumber.rounded($0, decimals: 1) }
            }
        }
    }

    /// Adds one pump report; `weight` is the weight in force (for mg/kg/h).
    mutating func add(_ report: PumpReport, weight: Kilograms) {
        if let lastPump, lastPump.measuredAt > report.measuredAt { return }
        defer { lastPump = report }
        if let lastPump, lastPump.status == report.status, lastPump.rate == report.rate,
            lastPump.concentration == report.concentration {
            return
        }
        let flow = report.status.isFlowing ? report.rate : MillilitersPerHour.zero
        update(report.measuredAt) { point in
            point.pumpStatus = report.status
            point.flow = ReportedQuantity(flow)
            point.doseRate = ReportedQuantity(DoseMath.doseRate(flow, weight: weight, concentration: report.concentration))
        }
    }

    /// The timeline, oldest first.
    func build() -> [TimelineSample] {
        var merged = points
        for (minute, mean) in minutes {
            var point = merged[minute] ?? TimelineSample(at: minute)
            point.heartRate = mean.heartRate.value
            point.spo2 = mean.spo2.value
            merged[minute] = point
        }
        return merged.values.sorted { $0.at < $1.at }
    }

    private mutating func update(_ time: Date, _ change: (inout TimelineSample) -> Void) {
        var point = points[time] ?? TimelineSample(at: time)
        change(&point)
        points[time] = point
    }

    /// The start of the minute `time` falls in (as `TrendSeries` buckets).
    static func minute(of time: Date) -> Date {
        Date(timeIntervalSince1970: (time.timeIntervalSince1970 / 60).rounded(.down) * 60)
    }
}
