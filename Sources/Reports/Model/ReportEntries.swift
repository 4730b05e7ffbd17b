public import Foundation
public import InfusionCore

/// One point of the session's timeline: whatever was measured or reported at `at`.
///
/// Continuous vitals (HR, SpO2) are per-minute means at the minute's start, rounded to
/// 0.1; each NIBP reading stands at its own measurement time; the pump's rate appears
/// where its reported status or flow changed. Nothing is interpolated: a field is nil
/// when nothing was measured at that time.
public struct TimelineSample: Hashable, Codable, Sendable {
    public var at: Date
    /// bpm.
    public var heartRate: Double?
    /// %.
    public var spo2: Double?
    /// mmHg.
    public var systolic: Double?
    /// mmHg.
    public var diastolic: Double?
    /// The rate the pump reported, as a dose rate for the weight in force.
    public var doseRate: ReportedQuantity<MilligramsPerKilogramPerHour>?
    /// The flow the pump reported.
    public var flow: ReportedQuantity<MillilitersPerHour>?
    /// The pump's status at this change (`infusing`, `paused`, `complete`).
    public var pumpStatus: PumpStatus?

    public init(at: Date) { self.at = at }

    /// Whether the sample carries any vital sign.
    public var hasVitals: Bool { heartRate != nil || spo2 != nil || systolic != nil || diastolic != nil }
}

/// An accepted rate change: old → new in mg/kg/h and mL/h, who, why, and when the pump
/// confirmed it.
public struct RateChangeEntry: Hashable, Codable, Sendable {
    public var at: Date
    /// `dr.lee (Dr. A. Lee, Physician)`.
    public var by: String
    public var oldRate: ReportedQuantity<MilligramsPerKilogramPerHour>
    public var newRate: ReportedQuantity<MilligramsPerKilogramPerHour>
    public var oldFlow: ReportedQuantity<MillilitersPerHour>
    public var newFlow: ReportedQuantity<MillilitersPerHour>
    public var reason: String?
    /// Whether it passed a soft limit (confirmed twice, with a reason).
    public var overrodeSoftLimit: Bool
    /// The first pump report running at the new flow; nil if the pump never confirmed it.
    public var confirmedAt: Date?
}

/// An accepted pause, resume or stop.
public struct ControlOrderEntry: Hashable, Codable, Sendable {
    public var at: Date
    public var action: InfusionControlAction
    public var by: String
}

/// An alarm of the session: raised, possibly acknowledged, ended.
public struct AlarmEntry: Hashable, Codable, Sendable {
    // Coded by hand (AlarmEntry+Codable.swift): priority as a word in JSON.
    /// `vital:SpO2`, `noData:MON1`.
    public var key: String
    public var category: AlarmCategory
    /// The highest priority it reached.
    public var priority: AlarmPriority
    /// Parameter, value and limit (`SpO2 88<90`), as last raised.
    public var text: String
    /// When the condition began (before the alarm condition delay).
    public var onsetAt: Date
    public var raisedAt: Date
    /// When it left the board (condition ended, or acknowledged after latching); nil if
    /// still active at the end of the record.
    public var endedAt: Date?
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?
}
