/// A patient's resting vital signs before any drug: the level the simulated vitals drift
/// around and return to.
///
/// Plain doubles named with their units, so that this module needs nothing but Foundation;
/// the device adapters map them onto the unit types of `InfusionCore`.
public struct BaselineVitals: Sendable, Equatable {
    /// Heart rate, beats per minute.
    public var heartRateBeatsPerMinute: Double
    /// Systolic arterial pressure, mmHg.
    public var systolicMillimetersOfMercury: Double
    /// Diastolic arterial pressure, mmHg. Must be below the systolic pressure.
    public var diastolicMillimetersOfMercury: Double
    /// Respiratory rate, breaths per minute.
    public var respiratoryRateBreathsPerMinute: Double
    /// Peripheral oxygen saturation, percent (0–100).
    public var spo2Percent: Double
    /// End-tidal carbon dioxide, mmHg.
    public var etco2MillimetersOfMercury: Double
    /// Core temperature, °C.
    public var temperatureCelsius: Double

    /// Creates a baseline; the defaults are a typical healthy adult at rest.
    public init(
        heartRateBeatsPerMinute: Double = 72,
        systolicMillimetersOfMercury: Double = 122,
        diastolicMillimetersOfMercury: Double = 78,
        respiratoryRateBreathsPerMinute: Double = 14,
        spo2Percent: Double = 97.5,
        etco2MillimetersOfMercury: Double = 38,
        temperatureCelsius: Double = 36.8
    ) {
        precondition(
            diastolicMillimetersOfMercury < systolicMillimetersOfMercury,
            "diastolic pressure must be below systolic")
        self.heartRateBeatsPerMinute = heartRateBeatsPerMinute
        self.systolicMillimetersOfMercury = systolicMillimetersOfMercury
        self.diastolicMillimetersOfMercury = diastolicMillimetersOfMercury
        self.respiratoryRateBreathsPerMinute = respiratoryRateBreathsPerMinute
        self.spo2Percent = spo2Percent
        self.etco2MillimetersOfMercury = etco2MillimetersOfMercury
        self.temperatureCelsius = temperatureCelsius
    }

    /// A typical healthy adult at rest: 72 bpm, 122/78 mmHg, 14 /min, SpO2 97.5 %.
    public static let typical = BaselineVitals()

    /// A patient with baseline hypertension (150/95 mmHg, 78 bpm): above the usual
    /// 140/90 threshold at which clinics delay a session, so it exercises that path and
    /// the high-pressure alarms once the drug's rise comes on top.
    public static let hypertensive = BaselineVitals(
        heartRateBeatsPerMinute: 78,
        systolicMillimetersOfMercury: 150,
        diastolicMillimetersOfMercury: 95
    )
}
