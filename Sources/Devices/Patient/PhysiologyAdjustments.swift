/// Additive offsets a scenario lays on top of the simulated physiology.
///
/// Why: scenarios ("hypertensive surge", "desaturation", "bradycardia") need to push one
/// vital sign without touching the pharmacology. The offsets are added after the drug
/// effect and the noise, and before the physiological bounds are applied, so an offset can
/// never produce an impossible value (SpO2 above 100 %, a diastolic above the systolic).
/// All offsets default to zero; set them back to zero to end a scenario.
///
/// ```swift
/// patient.adjustments.spo2OffsetPercent = -8   // desaturate by 8 points
/// ```
public struct PhysiologyAdjustments: Sendable, Equatable {
    /// Added to the heart rate, beats per minute.
    public var heartRateOffsetBeatsPerMinute: Double
    /// Added to the systolic pressure, mmHg.
    public var systolicOffsetMillimetersOfMercury: Double
    /// Added to the diastolic pressure, mmHg.
    public var diastolicOffsetMillimetersOfMercury: Double
    /// Added to the SpO2, percentage points.
    public var spo2OffsetPercent: Double
    /// Added to the respiratory rate, breaths per minute.
    public var respiratoryRateOffsetBreathsPerMinute: Double
    /// Added to the end-tidal CO2, mmHg.
    public var etco2OffsetMillimetersOfMercury: Double
    /// Added to the temperature, °C.
    public var temperatureOffsetCelsius: Double

    /// Creates adjustments; every offset defaults to zero.
    public init(
        heartRateOffsetBeatsPerMinute: Double = 0,
        systolicOffsetMillimetersOfMercury: Double = 0,
        diastolicOffsetMillimetersOfMercury: Double = 0,
        spo2OffsetPercent: Double = 0,
        respiratoryRateOffsetBreathsPerMinute: Double = 0,
        etco2OffsetMillimetersOfMercury: Double = 0,
        temperatureOffsetCelsius: Double = 0
    ) {
        self.heartRateOffsetBeatsPerMinute = heartRateOffsetBeatsPerMinute
        self.systolicOffsetMillimetersOfMercury = systolicOffsetMillimetersOfMercury
        self.diastolicOffsetMillimetersOfMercury = diastolicOffsetMillimetersOfMercury
        self.spo2OffsetPercent = spo2OffsetPercent
        self.respiratoryRateOffsetBreathsPerMinute = respiratoryRateOffsetBreathsPerMinute
        self.etco2OffsetMillimetersOfMercury = etco2OffsetMillimetersOfMercury
        self.temperatureOffsetCelsius = temperatureOffsetCelsius
    }

    /// No adjustment at all.
    public static let none = PhysiologyAdjustments()
}
