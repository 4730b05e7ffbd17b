/// The physiological parameters the station shows, each with its fixed unit.
public enum VitalKind: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case heartRate = "HR"
    case spo2 = "SpO2"
    case systolic = "SYS"
    case diastolic = "DIA"
    case meanPressure = "MAP"
    case respiratoryRate = "RR"
    case etco2 = "EtCO2"
    case temperature = "TEMP"

    /// The unit every value of this kind is in (bpm, %, mmHg, /min, °C).
    public var unitSymbol: String {
        switch self {
        case .heartRate: "bpm"
        case .spo2: "%"
        case .systolic, .diastolic, .meanPressure, .etco2: "mmHg"
        case .respiratoryRate: "/min"
        case .temperature: "°C"
        }
    }

    /// Non-invasive blood pressure is measured episodically, not continuously.
    public var isEpisodic: Bool { self == .systolic || self == .diastolic || self == .meanPressure }

    /// Decimals shown for a value of this kind.
    public var displayDecimals: Int { self == .temperature ? 1 : 0 }

    /// The range a real patient's value can fall in; anything outside is rejected as implausible.
    public var plausibleRange: ClosedRange<Double> {
        switch self {
        case .heartRate: 0...350
        case .spo2: 0...100
        case .systolic: 0...350
        case .diastolic: 0...250
        case .meanPressure: 0...300
        case .respiratoryRate: 0...150
        case .etco2: 0...150
        case .temperature: 20...45
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Hashes the case, not its raw `String`: every vitals sample is looked up in a few
    /// dictionaries keyed by kind, and hashing the text was a visible share of that.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.ordinal == rhs.ordinal }

    /// The position in `allCases` (the display order).
    private var ordinal: Int {
        switch self {
        case .heartRate: 0
        case .spo2: 1
        case .systolic: 2
        case .diastolic: 3
        case .meanPressure: 4
        case .respiratoryRate: 5
        case .etco2: 6
        case .temperature: 7
        }
    }

    /// Formats a value of this kind for the screen (`72`, `36.8`).
    public func format(_ value: Double) -> String { NumberText.fixed(value, decimals: displayDecimals) }
}
