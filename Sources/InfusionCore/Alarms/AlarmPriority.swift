/// Alarm priority after IEC 60601-1-8: never told by colour alone, always by marker and word too.
public enum AlarmPriority: Int, Codable, Hashable, Sendable, Comparable, CaseIterable {
    case low = 1
    case medium = 2
    case high = 3

    /// `!!!`, `!!` or `!`.
    public var marker: String {
        switch self {
        case .low: "!"
        case .medium: "!!"
        case .high: "!!!"
        }
    }

    /// `HIGH`, `MED` or `LOW`.
    public var word: String {
        switch self {
        case .low: "LOW"
        case .medium: "MED"
        case .high: "HIGH"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Patient alarms and equipment alarms look different and are listed with their type.
public enum AlarmCategory: String, Codable, Hashable, Sendable {
    /// About the patient: a vital sign out of its limits.
    case physiological
    /// About the equipment: no data, link lost, probe off, pump alarm, command not confirmed.
    case technical

    /// `PHYS` or `TECH`.
    public var shortLabel: String { self == .physiological ? "PHYS" : "TECH" }
}

/// Identifies one alarm condition on one chair (one parameter, or one device's problem).
public struct AlarmKey: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A vital sign out of limits; `subject` is the `VitalKind` raw value.
        case vital
        /// A device silent past its timeout; `subject` is the device id.
        case noData
        /// The adapter lost its link; `subject` is the device id.
        case linkLost
        /// A parameter the monitor reports unavailable (probe off); `subject` is the `VitalKind` raw value.
        case unavailable
        /// The pump stopped for an alarm of its own; `subject` is the device id.
        case pumpAlarm
        /// An alarm a device reported itself (HL7 PCD-04); `subject` is device id and code.
        case device
        /// A command sent to the pump was not confirmed by its report in time; `subject` is the chair id.
        case commandUnconfirmed
    }

    public var kind: Kind
    public var subject: String

    public init(_ kind: Kind, _ subject: String) {
        self.kind = kind
        self.subject = subject
    }

    public static func vital(_ vital: VitalKind) -> AlarmKey { AlarmKey(.vital, vital.rawValue) }

    /// The vital sign this key is about, if any (for alarm-off and highlighting).
    public var vitalKind: VitalKind? {
        kind == .vital || kind == .unavailable ? VitalKind(rawValue: subject) : nil
    }

    public var category: AlarmCategory { kind == .vital ? .physiological : .technical }

    public var description: String { "\(kind.rawValue):\(subject)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}
