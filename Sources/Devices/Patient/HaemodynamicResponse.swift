import Foundation

/// How blood pressure and heart rate answer to the ketamine effect-site concentration.
///
/// Ketamine raises blood pressure and heart rate by central sympathetic stimulation. The
/// model is a sigmoid Emax curve on the effect-site concentration `Ce`,
///
///     drive(Ce) = Ce^n / (EC50^n + Ce^n)                  (0 ≤ drive < 1)
///
/// followed by a first-order onset lag (time constant `onsetTimeConstantSeconds`): the
/// sympathetic response builds over minutes, so the rise keeps growing through the infusion
/// instead of jumping at its start. A rise is `fraction × maximum × patient sensitivity`.
///
/// Calibration (the `ketamine` preset): 0.5 mg/kg over 40 min gives, for the average
/// patient, a systolic rise of about +13 mmHg peaking at 40 min, a diastolic rise about 2/3
/// of that and a heart-rate rise of about +5 bpm, as in published series (mean rise up to
/// +16/+11 mmHg, peak at 30–40 min), settling back within about 20 min of the end.
public struct HaemodynamicResponse: Sendable, Equatable {
    /// Effect-site concentration at half the maximal response (EC50), µg/mL.
    public var halfMaximalEffectSiteMicrogramsPerMilliliter: Double
    /// Steepness of the concentration–response curve (Hill coefficient, dimensionless).
    public var hillCoefficient: Double
    /// Systolic rise at a saturating concentration for an average patient, mmHg.
    public var maximumSystolicRiseMillimetersOfMercury: Double
    /// Diastolic rise at a saturating concentration for an average patient, mmHg.
    public var maximumDiastolicRiseMillimetersOfMercury: Double
    /// Heart-rate rise at a saturating concentration for an average patient, bpm.
    public var maximumHeartRateRiseBeatsPerMinute: Double
    /// Time constant of the onset lag between the drive and the response, seconds.
    public var onsetTimeConstantSeconds: Double

    /// Creates a response model. Concentrations, the coefficient and the time constant must
    /// be positive.
    public init(
        halfMaximalEffectSiteMicrogramsPerMilliliter: Double,
        hillCoefficient: Double,
        maximumSystolicRiseMillimetersOfMercury: Double,
        maximumDiastolicRiseMillimetersOfMercury: Double,
        maximumHeartRateRiseBeatsPerMinute: Double,
        onsetTimeConstantSeconds: Double
    ) {
        precondition(halfMaximalEffectSiteMicrogramsPerMilliliter > 0, "EC50 must be positive")
        precondition(hillCoefficient > 0, "the Hill coefficient must be positive")
        precondition(onsetTimeConstantSeconds > 0, "the onset time constant must be positive")
        self.halfMaximalEffectSiteMicrogramsPerMilliliter = halfMaximalEffectSiteMicrogramsPerMilliliter
        self.hillCoefficient = hillCoefficient
        self.maximumSystolicRiseMillimetersOfMercury = maximumSystolicRiseMillimetersOfMercury
        self.maximumDiastolicRiseMillimetersOfMercury = maximumDiastolicRiseMillimetersOfMercury
        self.maximumHeartRateRiseBeatsPerMinute = maximumHeartRateRiseBeatsPerMinute
        self.onsetTimeConstantSeconds = onsetTimeConstantSeconds
    }

    /// The calibrated ketamine response (see the type's documentation).
    public static let ketamine = HaemodynamicResponse(
        halfMaximalEffectSiteMicrogramsPerMilliliter: 0.25,
        hillCoefficient: 3,
        maximumSystolicRiseMillimetersOfMercury: 30,
        maximumDiastolicRiseMillimetersOfMercury: 20,
        maximumHeartRateRiseBeatsPerMinute: 12,
        onsetTimeConstantSeconds: 300
    )

    /// The steady-state fraction of the maximal response at an effect-site concentration
    /// (µg/mL): 0 without drug, approaching 1 at saturating concentrations.
    public func drive(effectSiteMicrogramsPerMilliliter concentration: Double) -> Double {
        guard concentration > 0 else { return 0 }
        let scaled = pow(concentration / halfMaximalEffectSiteMicrogramsPerMilliliter, hillCoefficient)
        return scaled / (1 + scaled)
    }

    /// The response fraction after `seconds` of lag towards `drive`, exact for a drive held
    /// constant over the step.
    func laggedFraction(from fraction: Double, towards drive: Double, seconds: Double) -> Double {
        drive + (fraction - drive) * exp(-seconds / onsetTimeConstantSeconds)
    }
}

/// The current change in haemodynamics caused by the drug, before noise and scenario
/// adjustments.
public struct HaemodynamicEffect: Sendable, Equatable {
    /// Systolic rise, mmHg.
    public var systolicRiseMillimetersOfMercury: Double
    /// Diastolic rise, mmHg.
    public var diastolicRiseMillimetersOfMercury: Double
    /// Heart-rate rise, beats per minute.
    public var heartRateRiseBeatsPerMinute: Double

    /// Creates an effect from its three rises.
    public init(
        systolicRiseMillimetersOfMercury: Double,
        diastolicRiseMillimetersOfMercury: Double,
        heartRateRiseBeatsPerMinute: Double
    ) {
        self.systolicRiseMillimetersOfMercury = systolicRiseMillimetersOfMercury
        self.diastolicRiseMillimetersOfMercury = diastolicRiseMillimetersOfMercury
        self.heartRateRiseBeatsPerMinute = heartRateRiseBeatsPerMinute
    }

    /// No drug effect.
    public static let none = HaemodynamicEffect(
        systolicRiseMillimetersOfMercury: 0,
        diastolicRiseMillimetersOfMercury: 0,
        heartRateRiseBeatsPerMinute: 0)
}
