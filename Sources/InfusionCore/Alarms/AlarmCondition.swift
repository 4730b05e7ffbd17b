public import Foundation

/// A vital sign currently out of its limits: what the alarm will say if it lasts past the delay.
public struct AlarmCondition: Hashable, Codable, Sendable {
    public var priority: AlarmPriority
    /// Parameter, value and broken limit: `SpO2 88<90`, `SYS 184>180`.
    public var text: String
    /// When the value first went out of range (device time).
    public var since: Date

    public init(priority: AlarmPriority, text: String, since: Date) {
        self.priority = priority
        self.text = text
        self.since = since
    }
}

extension ParameterLimits {
    /// The priority and text for `value` of `kind`, or nil when it is within every limit.
    public func check(_ value: Double, kind: VitalKind, baseline: Double?) -> (priority: AlarmPriority, text: String)? {
        // Formatted only when a limit is broken: this runs for every sample, and almost
        // every sample is within its limits.
        var shown: String { kind.format(value) }
        func limitText(_ limit: Double) -> String { kind.format(limit) }
        if let low = criticalLow, value < low { return (criticalPriority, "\(kind.rawValue) \(shown)<\(limitText(low))") }
        if let high = criticalHigh, value > high { return (criticalPriority, "\(kind.rawValue) \(shown)>\(limitText(high))") }
        if let low = warningLow, value < low { return (warningPriority, "\(kind.rawValue) \(shown)<\(limitText(low))") }
        if let high = warningHigh, value > high { return (warningPriority, "\(kind.rawValue) \(shown)>\(limitText(high))") }
        if let fraction = relativeToBaseline, let baseline, baseline > 0 {
            let percent = Int((fraction * 100).rounded())
            if value > baseline * (1 + fraction) {
                return (warningPriority, "\(kind.rawValue) \(shown)>\(limitText(baseline * (1 + fraction))) (+\(percent)%)")
            }
            if value < baseline * (1 - fraction) {
                return (warningPriority, "\(kind.rawValue) \(shown)<\(limitText(baseline * (1 - fraction))) (-\(percent)%)")
            }
        }
        return nil
    }
}
