import Foundation

/// A simulated patient receiving ketamine: pharmacokinetics, the haemodynamic response to
/// it, and the everyday wander of vital signs, all repeatable from one seed.
///
/// The simulated monitor and pump adapters drive it: the pump adapter calls
/// `advance(seconds:infusionMilligramsPerHour:)` with the rate the pump is running (and
/// again at every rate change), the monitor adapter reads `currentPhysiology()`. Time moves
/// only through `advance`; there is no clock and no hidden randomness, so the same seed and
/// the same sequence of calls give the same vital signs, bit for bit.
///
/// What is modelled (see docs/virtual-patient.md):
/// - ketamine plasma and effect-site concentrations (`KetaminePharmacokinetics`);
/// - a sigmoid Emax rise of blood pressure and heart rate on the effect-site concentration,
///   with a few minutes' onset lag (`HaemodynamicResponse`), scaled by a per-patient
///   `PatientSensitivity` drawn from the seed;
/// - slow Ornstein–Uhlenbeck drift plus small measurement noise on every vital sign;
/// - scenario `adjustments` added on top, then clamping to physiological bounds.
///
/// ```swift
/// var patient = VirtualPatient(seed: 7, weightKilograms: 80)
/// for _ in 0..<2400 { patient.advance(seconds: 1, infusionMilligramsPerHour: 60) }
/// patient.currentPhysiology().systolicMillimetersOfMercury   // baseline + ~13 mmHg
/// ```
public struct VirtualPatient: Sendable {
    /// The seed every random draw of this patient comes from.
    public let seed: UInt64
    /// Resting vital signs the simulated values wander around.
    public let baseline: BaselineVitals
    /// How this patient's haemodynamics answer to the drug, relative to the average.
    public let sensitivity: PatientSensitivity
    /// The population concentration–response model.
    public let response: HaemodynamicResponse
    /// The drug in the patient's body.
    public private(set) var pharmacokinetics: KetaminePharmacokinetics
    /// The drug's current effect on blood pressure and heart rate (no noise, no offsets).
    public private(set) var drugEffect: HaemodynamicEffect = .none
    /// Offsets a scenario adds on top of the physiology; zero unless a scenario sets them.
    public var adjustments: PhysiologyAdjustments = .none

    /// Lagged fraction of the maximal response, 0...1.
    private var responseFraction = 0.0
    private var noise: PhysiologicalNoise
    private var generator: SeededGenerator

    /// Creates a drug-free patient.
    ///
    /// - Parameters:
    ///   - seed: fixes the patient's sensitivity and every noise draw.
    ///   - weightKilograms: body weight, kg (finite, positive).
    ///   - baseline: resting vitals; `.typical` or `.hypertensive`, or your own.
    ///   - parameters: pharmacokinetic parameters per kg; Domino's ketamine set by default.
    ///   - response: concentration–response model; the calibrated ketamine one by default.
    ///   - sensitivity: a fixed sensitivity instead of the one drawn from the seed (the draw
    ///     still happens, so the noise stays the same as with the drawn sensitivity).
    public init(
        seed: UInt64,
        weightKilograms: Double,
        baseline: BaselineVitals = .typical,
        parameters: KetaminePharmacokinetics.Parameters = .domino,
        response: HaemodynamicResponse = .ketamine,
        sensitivity: PatientSensitivity? = nil
    ) {
        var generator = SeededGenerator(seed: seed)
        let drawn = PatientSensitivity(drawingFrom: &generator)
        self.seed = seed
        self.baseline = baseline
        self.sensitivity = sensitivity ?? drawn
        self.response = response
        self.pharmacokinetics = KetaminePharmacokinetics(
            weightKilograms: weightKilograms, parameters: parameters)
        self.noise = PhysiologicalNoise(generator: &generator)
        self.generator = generator
    }

    /// Body weight, kg.
    public var weightKilograms: Double { pharmacokinetics.weightKilograms }

    /// Simulated time since the patient was created, seconds.
    public var elapsedSeconds: Double { pharmacokinetics.elapsedSeconds }

    /// Moves the patient forward by `seconds` with the infusion at a constant
    /// `infusionMilligramsPerHour` (0 when the pump is stopped) over the whole step.
    ///
    /// The pharmacokinetics are exact for any step; the onset lag and the noise are exact
    /// for their own processes, so steps of 1–10 s give the same behaviour (not the same
    /// numbers: the noise is drawn per step). Both arguments must be finite, not negative.
    public mutating func advance(seconds: Double, infusionMilligramsPerHour: Double) {
        pharmacokinetics.advance(seconds: seconds, infusionMilligramsPerHour: infusionMilligramsPerHour)
        guard seconds > 0 else { return }
        let drive = response.drive(
            effectSiteMicrogramsPerMilliliter: pharmacokinetics.effectSiteMicrogramsPerMilliliter)
        responseFraction = response.laggedFraction(
            from: responseFraction, towards: drive, seconds: seconds)
        drugEffect = HaemodynamicEffect(
            systolicRiseMillimetersOfMercury: responseFraction
                * response.maximumSystolicRiseMillimetersOfMercury * sensitivity.bloodPressureFactor,
            diastolicRiseMillimetersOfMercury: responseFraction
                * response.maximumDiastolicRiseMillimetersOfMercury * sensitivity.bloodPressureFactor,
            heartRateRiseBeatsPerMinute: responseFraction
                * response.maximumHeartRateRiseBeatsPerMinute * sensitivity.heartRateFactor)
        noise.advance(seconds: seconds, generator: &generator)
    }

    /// Gives a bolus of `milligrams` into the plasma at once (finite, not negative).
    public mutating func administerBolus(milligrams: Double) {
        pharmacokinetics.administerBolus(milligrams: milligrams)
    }

    /// What a monitor would read now: baseline + drug effect + noise + adjustments, clamped
    /// to physiological bounds. A pure read: calling it twice gives the same sample.
    public func currentPhysiology() -> PhysiologySample {
        let limits = PhysiologicalLimits.self
        let heartRate = (baseline.heartRateBeatsPerMinute + drugEffect.heartRateRiseBeatsPerMinute
            + noise.heartRate + adjustments.heartRateOffsetBeatsPerMinute)
            .clamped(to: limits.heartRate)
        let systolic = (baseline.systolicMillimetersOfMercury
            + drugEffect.systolicRiseMillimetersOfMercury + noise.systolic
            + adjustments.systolicOffsetMillimetersOfMercury)
            .clamped(to: limits.systolic)
        let diastolic = min(
            (baseline.diastolicMillimetersOfMercury + drugEffect.diastolicRiseMillimetersOfMercury
                + noise.diastolic + adjustments.diastolicOffsetMillimetersOfMercury)
                .clamped(to: limits.diastolic),
            systolic - limits.minimumPulsePressure)
        let deficit = max(100 - baseline.spo2Percent, limits.minimumSpo2Deficit)
            * exp(noise.spo2DeficitLog)
        let spo2 = (100 - deficit + noise.spo2 + adjustments.spo2OffsetPercent)
            .clamped(to: limits.spo2)
        let respiratoryRate = (baseline.respiratoryRateBreathsPerMinute + noise.respiratoryRate
            + adjustments.respiratoryRateOffsetBreathsPerMinute)
            .clamped(to: limits.respiratoryRate)
        let etco2 = (baseline.etco2MillimetersOfMercury + noise.etco2
            + adjustments.etco2OffsetMillimetersOfMercury)
            .clamped(to: limits.etco2)
        let temperature = (baseline.temperatureCelsius + noise.temperature
            + adjustments.temperatureOffsetCelsius)
            .clamped(to: limits.temperature)
        return PhysiologySample(
            elapsedSeconds: elapsedSeconds,
            heartRateBeatsPerMinute: heartRate,
            systolicMillimetersOfMercury: systolic,
            diastolicMillimetersOfMercury: diastolic,
            spo2Percent: spo2,
            respiratoryRateBreathsPerMinute: respiratoryRate,
            etco2MillimetersOfMercury: etco2,
            temperatureCelsius: temperature,
            plasmaMicrogramsPerMilliliter: pharmacokinetics.plasmaMicrogramsPerMilliliter,
            effectSiteMicrogramsPerMilliliter: pharmacokinetics.effectSiteMicrogramsPerMilliliter)
    }
}
