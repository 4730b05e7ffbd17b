/// What a patient monitor would measure at one instant of simulated time.
///
/// Plain doubles named with their units; the monitor adapter rounds them the way a real
/// monitor does and maps them onto `InfusionCore`'s unit types. Every value is already
/// clamped to physiological bounds (SpO2 never above 100 %).
public struct PhysiologySample: Sendable, Equatable {
    /// Simulated time since the patient was created, seconds.
    public var elapsedSeconds: Double
    /// Heart rate, beats per minute.
    public var heartRateBeatsPerMinute: Double
    /// Systolic arterial pressure, mmHg.
    public var systolicMillimetersOfMercury: Double
    /// Diastolic arterial pressure, mmHg (always at least 10 below systolic).
    public var diastolicMillimetersOfMercury: Double
    /// Peripheral oxygen saturation, percent (never above 100).
    public var spo2Percent: Double
    /// Respiratory rate, breaths per minute.
    public var respiratoryRateBreathsPerMinute: Double
    /// End-tidal carbon dioxide, mmHg.
    public var etco2MillimetersOfMercury: Double
    /// Core temperature, °C.
    public var temperatureCelsius: Double
    /// Ketamine plasma concentration, µg/mL.
    public var plasmaMicrogramsPerMilliliter: Double
    /// Ketamine effect-site concentration, µg/mL.
    public var effectSiteMicrogramsPerMilliliter: Double

    /// Mean arterial pressure, mmHg, by the usual estimate: diastolic + (systolic − diastolic) / 3.
    public var meanArterialMillimetersOfMercury: Double {
        diastolicMillimetersOfMercury
            + (systolicMillimetersOfMercury - diastolicMillimetersOfMercury) / 3
    }

    /// Creates a sample; values are stored as given.
    public init(
        elapsedSeconds: Double,
        heartRateBeatsPerMinute: Double,
        systolicMillimetersOfMercury: Double,
        diastolicMillimetersOfMercury: Double,
        spo2Percent: Double,
        respiratoryRateBreathsPerMinute: Double,
        etco2MillimetersOfMercury: Double,
        temperatureCelsius: Double,
        plasmaMicrogramsPerMilliliter: Double,
        effectSiteMicrogramsPerMilliliter: Double
    ) {
        self.elapsedSeconds = elapsedSeconds
        self.heartRateBeatsPerMinute = heartRateBeatsPerMinute
        self.systolicMillimetersOfMercury = systolicMillimetersOfMercury
        self.diastolicMillimetersOfMercury = diastolicMillimetersOfMercury
        self.spo2Percent = spo2Percent
        self.respiratoryRateBreathsPerMinute = respiratoryRateBreathsPerMinute
        self.etco2MillimetersOfMercury = etco2MillimetersOfMercury
        self.temperatureCelsius = temperatureCelsius
        self.plasmaMicrogramsPerMilliliter = plasmaMicrogramsPerMilliliter
        self.effectSiteMicrogramsPerMilliliter = effectSiteMicrogramsPerMilliliter
    }
}
