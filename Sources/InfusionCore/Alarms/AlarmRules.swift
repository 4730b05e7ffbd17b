public import Foundation

/// Limits for one vital sign. Every number is a clinic default to be set by the medical
/// director, never a hard-coded truth (domain §3).
public struct ParameterLimits: Hashable, Codable, Sendable {
    /// Values below / above these raise `warningPriority`.
    public var warningLow: Double?
    public var warningHigh: Double?
    /// Values below / above these raise `criticalPriority`.
    public var criticalLow: Double?
    public var criticalHigh: Double?
    /// Optional limit relative to the patient's baseline: 0.2 means outside ±20 % of baseline.
    public var relativeToBaseline: Double?
    public var warningPriority: AlarmPriority
    public var criticalPriority: AlarmPriority
    /// Alarm condition delay: the value must stay out of range this long (seconds).
    public var delay: TimeInterval

    public init(
        warningLow: Double? = nil, warningHigh: Double? = nil, criticalLow: Double? = nil, criticalHigh: Double? = nil,
        relativeToBaseline: Double? = nil, warningPriority: AlarmPriority = .medium,
        criticalPriority: AlarmPriority = .high, delay: TimeInterval = 0
    ) {
        self.warningLow = warningLow
        self.warningHigh = warningHigh
        self.criticalLow = criticalLow
        self.criticalHigh = criticalHigh
        self.relativeToBaseline = relativeToBaseline
        self.warningPriority = warningPriority
        self.criticalPriority = criticalPriority
        self.delay = delay
    }
}

/// The clinic's alarm configuration.
public struct AlarmRules: Hashable, Codable, Sendable {
    public var limits: [VitalKind: ParameterLimits]
    /// Whether high-priority alarms stay until acknowledged after their condition ends.
    public var latchHigh: Bool
    /// Simultaneous medium alarms on one chair that escalate it to high.
    public var escalationCount: Int
    /// How long audio pause lasts (seconds).
    public var audioPauseDuration: TimeInterval
    public var noDataPriority: AlarmPriority
    public var linkLostPriority: AlarmPriority
    public var unavailablePriority: AlarmPriority
    public var pumpAlarmPriority: AlarmPriority

    public init(
        limits: [VitalKind: ParameterLimits] = AlarmRules.defaultLimits, latchHigh: Bool = true, escalationCount: Int = 2,
        audioPauseDuration: TimeInterval = 120, noDataPriority: AlarmPriority = .medium,
        linkLostPriority: AlarmPriority = .medium, unavailablePriority: AlarmPriority = .medium,
        pumpAlarmPriority: AlarmPriority = .high
    ) {
        self.limits = limits
        self.latchHigh = latchHigh
        self.escalationCount = escalationCount
        self.audioPauseDuration = audioPauseDuration
        self.noDataPriority = noDataPriority
        self.linkLostPriority = linkLostPriority
        self.unavailablePriority = unavailablePriority
        self.pumpAlarmPriority = pumpAlarmPriority
    }

    /// Defaults seen in practice (domain §3), as EXAMPLES for the clinic to set:
    /// warning / critical — HR 40–140 / 20–160; SpO2 < 90 / < 85; RR 10–25 / 4–35;
    /// EtCO2 20–45 / 10–75; systolic 90–140 / 60–180; diastolic 60–100 / 40–120.
    public static let defaultLimits: [VitalKind: ParameterLimits] = [
        .heartRate: ParameterLimits(warningLow: 40, warningHigh: 140, criticalLow: 20, criticalHigh: 160, delay: 10),
        .spo2: ParameterLimits(warningLow: 90, criticalLow: 85, delay: 10),
        .respiratoryRate: ParameterLimits(warningLow: 10, warningHigh: 25, criticalLow: 4, criticalHigh: 35, delay: 15),
        .etco2: ParameterLimits(warningLow: 20, warningHigh: 45, criticalLow: 10, criticalHigh: 75, delay: 15),
        .systolic: ParameterLimits(warningLow: 90, warningHigh: 140, criticalLow: 60, criticalHigh: 180),
        .diastolic: ParameterLimits(warningLow: 60, warningHigh: 100, criticalLow: 40, criticalHigh: 120),
    ]
}
