public import Foundation

/// The clinic's discharge and sign-off rules: plain values with documented defaults
/// (domain §1 and §6); the clinic's TOML may override each. Every clinical threshold here
/// is a default the medical director sets, not a truth.
public struct SignOffRules: Hashable, Codable, Sendable {
    /// Minimum observation after the infusion ended, in seconds (default 60 min; clinics
    /// use 30–120 min, the esketamine label ≥ 2 h).
    public var observationMinimum: TimeInterval
    /// The largest change from baseline, as a fraction, for vitals to count as back to
    /// baseline (0.20 = ±20 %, the discharge-score convention).
    public var vitalsTolerance: Double
    /// The vitals compared with baseline (those present in both baseline and current values).
    public var comparedVitals: [VitalKind]
    /// The lowest modified Aldrete total that passes (9 of 10).
    public var aldreteMinimum: Int
    /// When CADSS-6 scores are due, in seconds after the infusion started (default 0, 40
    /// and 70 min: before, at the end of a 40-minute infusion, and 30 min after it).
    public var dissociationScoreTimes: [TimeInterval]
    /// How long before a scheduled time a score entered counts for it, and how long the
    /// "score due" marker may wait before it reads as overdue, in seconds (5 min).
    public var dissociationScoreWindow: TimeInterval

    public init(
        observationMinimum: TimeInterval = 60 * 60,
        vitalsTolerance: Double = 0.20,
        comparedVitals: [VitalKind] = [.heartRate, .systolic, .diastolic, .spo2],
        aldreteMinimum: Int = 9,
        dissociationScoreTimes: [TimeInterval] = [0, 40 * 60, 70 * 60],
        dissociationScoreWindow: TimeInterval = 5 * 60
    ) {
        self.observationMinimum = observationMinimum
        self.vitalsTolerance = vitalsTolerance
        self.comparedVitals = comparedVitals
        self.aldreteMinimum = aldreteMinimum
        self.dissociationScoreTimes = dissociationScoreTimes
        self.dissociationScoreWindow = dissociationScoreWindow
    }
}
