/// How strongly one patient answers to the drug, relative to the average patient.
///
/// Drawn once from the patient's seed: patients differ (some barely move, a few rise
/// steeply), but the population mean of each factor is exactly 1, so averages over many
/// simulated patients match the calibrated response.
public struct PatientSensitivity: Sendable, Equatable {
    /// Multiplies the blood-pressure rises (systolic and diastolic), dimensionless, > 0.
    public var bloodPressureFactor: Double
    /// Multiplies the heart-rate rise, dimensionless, > 0.
    public var heartRateFactor: Double

    /// Creates a sensitivity from explicit factors (1 is the average patient).
    public init(bloodPressureFactor: Double = 1, heartRateFactor: Double = 1) {
        self.bloodPressureFactor = bloodPressureFactor
        self.heartRateFactor = heartRateFactor
    }

    /// The average patient.
    public static let average = PatientSensitivity()

    /// Spread of the log of the blood-pressure factor: about 30 % between patients.
    static let bloodPressureLogSpread = 0.3
    /// Spread of the log of the heart-rate factor: about 40 % between patients.
    static let heartRateLogSpread = 0.4

    /// Draws a patient's sensitivity (log-normal factors with mean 1) from `generator`.
    public init(drawingFrom generator: inout SeededGenerator) {
        bloodPressureFactor = generator.nextLogNormalFactor(
            logStandardDeviation: Self.bloodPressureLogSpread)
        heartRateFactor = generator.nextLogNormalFactor(
            logStandardDeviation: Self.heartRateLogSpread)
    }
}
