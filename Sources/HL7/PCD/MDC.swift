/// The IEEE 11073-10101 (MDC) codes this station understands, and their names.
///
/// A code is partition × 65536 + term. IHE sends terms that are still pending with code
/// `0`; then the reference id (OBX-3.2) is looked up in `codesByName`. Synonyms map to
/// the same code (`MDC_ECG_CARD_BEAT_RATE` is 147842 as `MDC_ECG_HEART_RATE` is).
public enum MDC {
    public static let heartRate = 147_842
    public static let pulseRateOximeter = 149_530
    public static let pulseRateNonInvasive = 149_546
    public static let pulseRate = 149_514
    public static let spo2 = 150_456
    public static let nibpSystolic = 150_021
    public static let nibpDiastolic = 150_022
    public static let nibpMean = 150_023
    public static let respiratoryRate = 151_562
    public static let respiratoryRateVariants: Set<Int> = [151_578, 151_570, 151_594]
    public static let etco2 = 151_708
    public static let etco2Older = 151_728
    public static let temperature = 150_344
    public static let temperatureBody = 150_364
    public static let pumpRate = 157_784
    public static let doseRate = 157_924
    public static let volumeDelivered = 157_993
    public static let volumeToBeInfused = 157_884
    public static let volumeRemaining = 157_872
    public static let timeRemaining = 157_916
    public static let drugName = 184_514
    public static let drugConcentration = 157_760
    public static let infusingStatus = 184_519
    public static let patientWeight = 68_063
    public static let eventDeliveryStart = 197_288
    public static let eventDeliveryComplete = 197_292
    public static let eventAlarm = 196_616
    public static let eventLineOcclusion = 196_940
    /// PCD-04 alert facets (IHE PCD TF-2 ACM).
    public static let alertSource = 68_480
    public static let alertPhase = 68_481
    public static let alertState = 68_482
    public static let alertInactivationState = 68_483
    public static let alertPriority = 68_484
    public static let alertType = 68_485

    /// Reference ids (OBX-3.2) that resolve a code sent as `0`.
    public static let codesByName: [String: Int] = [
        "MDC_ECG_HEART_RATE": heartRate, "MDC_ECG_CARD_BEAT_RATE": heartRate,
        "MDC_PULS_OXIM_PULS_RATE": pulseRateOximeter, "MDC_PULS_RATE_NON_INV": pulseRateNonInvasive,
        "MDC_PULS_RATE": pulseRate, "MDC_PULS_OXIM_SAT_O2": spo2,
        "MDC_PRESS_BLD_NONINV_SYS": nibpSystolic, "MDC_PRESS_BLD_NONINV_DIA": nibpDiastolic,
        "MDC_PRESS_BLD_NONINV_MEAN": nibpMean, "MDC_RESP_RATE": respiratoryRate,
        "MDC_CONC_AWAY_CO2_ET": etco2, "MDC_AWAY_CO2_ET": etco2Older,
        "MDC_TEMP": temperature, "MDC_TEMP_BODY": temperatureBody,
        "MDC_FLOW_FLUID_PUMP": pumpRate, "MDC_RATE_DOSE": doseRate,
        "MDC_VOL_FLUID_DELIV_TOTAL": volumeDelivered, "MDC_VOL_FLUID_TBI": volumeToBeInfused,
        "MDC_VOL_FLUID_TBI_REMAIN": volumeRemaining, "MDC_TIME_PD_REMAIN": timeRemaining,
        "MDC_DRUG_NAME_LABEL": drugName, "MDC_CONC_DRUG": drugConcentration,
        "MDC_PUMP_INFUSING_STATUS": infusingStatus, "MDC_ATTR_PT_WEIGHT": patientWeight,
        "MDC_EVT_PUMP_DELIV_START": eventDeliveryStart, "MDC_EVT_PUMP_DELIV_COMP": eventDeliveryComplete,
        "MDC_EVT_ALARM": eventAlarm, "MDC_EVT_FLUID_LINE_OCCL": eventLineOcclusion,
        "MDC_ATTR_ALERT_SOURCE": alertSource, "MDC_ATTR_EVENT_PHASE": alertPhase,
        "MDC_ATTR_ALARM_STATE": alertState, "MDC_ATTR_ALARM_INACTIVATION_STATE": alertInactivationState,
        "MDC_ATTR_ALARM_PRIORITY": alertPriority, "MDC_ATTR_ALERT_TYPE": alertType,
    ]

    /// OBX-3.2 names with no code of their own that PCD-10 uses to say what an OBX is.
    static let eventConditionName = "MDC_ATTR_EVT_COND"
    static let deliveryStopName = "MDC_EVT_PUMP_DELIV_STOP"
}

/// A unit of measure as a device may send it in OBX-6: MDC code, UCUM symbol, or both.
public enum MeasurementUnit: Hashable, Sendable {
    case beatsPerMinute, percent, mmHg, kilopascal, breathsPerMinute, perMinute
    case degreesCelsius, degreesFahrenheit
    case millilitersPerHour, milliliters, milligramsPerKilogramPerHour, milligramsPerHour
    case milligramsPerMilliliter, microgramsPerKilogramPerMinute, minutes, hours, kilograms
    /// A unit this station does not convert; kept as sent.
    case other(String)

    /// The unit of an MDC dimension code (a switch: no hashing on the hot path).
    static func mdc(_ code: Int) -> MeasurementUnit? {
        switch code {
        case 264_864: .beatsPerMinute
        case 262_688: .percent
        case 266_016: .mmHg
        case 265_987: .kilopascal
        case 264_928: .breathsPerMinute
        case 268_192: .degreesCelsius
        case 266_560: .degreesFahrenheit
        case 265_266: .millilitersPerHour
        case 263_762: .milliliters
        case 265_650: .milligramsPerKilogramPerHour
        case 265_522: .milligramsPerHour
        case 264_306: .milligramsPerMilliliter
        case 265_619: .microgramsPerKilogramPerMinute
        case 264_352: .minutes
        case 264_320: .hours
        case 263_875: .kilograms
        default: nil
        }
    }

    static let byUCUM: [String: MeasurementUnit] = [
        "/min": .perMinute, "{beat}/min": .beatsPerMinute, "{beats}/min": .beatsPerMinute,
        "{H.B}/min": .beatsPerMinute, "{breath}/min": .breathsPerMinute, "{breaths}/min": .breathsPerMinute,
        "{resp}/min": .breathsPerMinute, "%": .percent, "mm[Hg]": .mmHg, "kPa": .kilopascal,
        "Cel": .degreesCelsius, "[degF]": .degreesFahrenheit, "mL/h": .millilitersPerHour,
        "mL": .milliliters, "mg/kg/h": .milligramsPerKilogramPerHour, "mg/h": .milligramsPerHour,
        "mg/mL": .milligramsPerMilliliter, "ug/kg/min": .microgramsPerKilogramPerMinute,
        "min": .minutes, "h": .hours, "kg": .kilograms,
    ]

    /// False for `.other`.
    var isKnown: Bool { if case .other = self { false } else { true } }

    /// Whether the two units are the same for a reader (`/min` matches either rate).
    func isCompatible(with other: MeasurementUnit) -> Bool {
        if self == other { return true }
        let rates: Set<MeasurementUnit> = [.perMinute, .beatsPerMinute, .breathsPerMinute]
        return (self == .perMinute && rates.contains(other)) || (other == .perMinute && rates.contains(self))
    }
}
