/// The bounds every simulated vital sign is clamped to.
///
/// Why: drift, a drug effect and a scenario's offsets add up; whatever they add up to, the
/// monitor must never show a value no patient could have (SpO2 above 100 %, a diastolic
/// pressure at or above the systolic). The bounds are wide on purpose: alarms must still be
/// reachable, these only stop the impossible.
enum PhysiologicalLimits {
    /// Heart rate, bpm.
    static let heartRate: ClosedRange<Double> = 25...220
    /// Systolic pressure, mmHg.
    static let systolic: ClosedRange<Double> = 50...260
    /// Diastolic pressure, mmHg.
    static let diastolic: ClosedRange<Double> = 25...160
    /// Smallest pulse pressure (systolic − diastolic), mmHg.
    static let minimumPulsePressure = 10.0
    /// SpO2, percent.
    static let spo2: ClosedRange<Double> = 50...100
    /// Smallest SpO2 deficit (100 − SpO2) a baseline may have, percentage points: keeps the
    /// drift visible for a baseline given as 100 %.
    static let minimumSpo2Deficit = 0.3
    /// Respiratory rate, /min.
    static let respiratoryRate: ClosedRange<Double> = 4...45
    /// End-tidal CO2, mmHg.
    static let etco2: ClosedRange<Double> = 5...90
    /// Temperature, °C.
    static let temperature: ClosedRange<Double> = 33...42
}

extension Double {
    /// The value limited to `range`.
    func clamped(to range: ClosedRange<Double>) -> Double {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
