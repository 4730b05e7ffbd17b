public import Foundation

/// What one IHE PCD message says, independent of the clinic: the neutral model between
/// the HL7 parser and the mapping to clinic events.
public struct DeviceReport: Hashable, Sendable {
    /// Which IHE PCD transaction the message is.
    public enum Kind: String, Hashable, Sendable {
        /// PCD-01 `ORU^R01`: periodic or episodic observations.
        case observations = "ORU^R01"
        /// PCD-10 `ORU^R42`: one infusion pump event.
        case pumpEvent = "ORU^R42"
        /// PCD-04 `ORU^R40`: one alert.
        case alert = "ORU^R40"
    }

    public var kind: Kind
    /// MSH-3 as sent (all components, escapes decoded): half of the duplicate key.
    public var sendingApplication: String
    /// MSH-10: the other half of the duplicate key, echoed in MSA-2.
    public var controlID: String
    /// MSH-12.
    public var version: String
    /// PID-3.1 of the repetition whose type is `MR` (else the first): the MRN, to compare
    /// with the chair's session. Nil without a PID.
    public var patientID: String?
    /// The EUI-64 from OBX-18 of the MDS row (`x.0.0.0`), upper-cased.
    public var equipmentID: String?
    /// OBX-18.1 of the same row (the device's own name, e.g. `MON01`), informative.
    public var equipmentName: String?
    /// OBR-7, the fallback time of every observation.
    public var observationTime: Date?
    /// Every OBX, in order, each with its resolved time.
    public var observations: [DeviceObservation]
    /// The PCD-10 content, for `.pumpEvent` messages and pump PCD-01 messages.
    public var pump: PumpEventReport?
    /// The PCD-04 alert, for `.alert` messages.
    public var alert: DeviceAlert?
}

/// One OBX row.
public struct DeviceObservation: Hashable, Sendable {
    /// The OBX segment's place among the OBX segments (1-based), for error locations.
    public var segmentSequence: Int
    /// OBX-3.1, or the code its reference id resolves to when OBX-3.1 is `0` (0 when unknown).
    public var code: Int
    /// OBX-3.2 (`MDC_ECG_HEART_RATE`).
    public var referenceID: String
    /// OBX-4 as `MDS.VMD.CHANNEL.METRIC[.FACET]`; nil when absent or not dotted numbers.
    public var position: ObservationPosition?
    /// OBX-5 interpreted by OBX-2.
    public var value: ObservationValue
    /// OBX-6; nil when empty.
    public var unit: MeasurementUnit?
    /// OBX-8 repetitions (`NAV`, `PH`, `SP`).
    public var flags: [String]
    /// OBX-11 (`R`, `F`, `X`, `N`).
    public var resultStatus: String
    /// OBX-14, else the nearest containing row's OBX-14, else OBR-7. Never MSH-7.
    public var observedAt: Date?

    /// Why there is no value (`NAV`, `status X`), or nil when there is one.
    public var unavailabilityReason: String? {
        if let flag = flags.first(where: { DeviceObservation.missingDataFlags.contains($0) }) { return flag }
        if resultStatus == "X" || resultStatus == "N" { return "status \(resultStatus)" }
        return nil
    }

    /// OBX-8 flags that mean "no value" (HL7 v2.6 table 0078 null flavours and device states).
    public static let missingDataFlags: Set<String> = ["NAV", "OFF", "NA", "NI", "UNK", "ASKU", "NASK", "MSK", "QS"]
}

/// OBX-4 in IEEE 11073 containment terms; 0 means "the row describes the level above".
public struct ObservationPosition: Hashable, Sendable, CustomStringConvertible {
    public var mds: Int
    public var vmd: Int
    public var channel: Int
    public var metric: Int
    /// A fifth level (PCD-04 alert facets); 0 when absent.
    public var facet: Int

    public init(mds: Int, vmd: Int, channel: Int, metric: Int, facet: Int = 0) {
        self.mds = mds
        self.vmd = vmd
        self.channel = channel
        self.metric = metric
        self.facet = facet
    }

    /// Parses `1.2.0.1` (four or five dotted numbers).
    init?(_ raw: ArraySlice<UInt8>) {
        self.init(mds: 0, vmd: 0, channel: 0, metric: 0)
        var count = 0
        var digits = 0
        var part = 0
        for byte in raw {
            if byte == UInt8(ascii: ".") {
                guard digits > 0, count < 4 else { return nil }
                set(count, part)
                count += 1
                digits = 0
                part = 0
            } else if byte >= 0x30, byte <= 0x39, digits < 6 {
                part = part * 10 + Int(byte - 0x30)
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0, count >= 3 else { return nil }
        set(count, part)
    }

    private mutating func set(_ level: Int, _ value: Int) {
        switch level {
        case 0: mds = value
        case 1: vmd = value
        case 2: channel = value
        case 3: metric = value
        default: facet = value
        }
    }

    /// The containing channel, VMD and MDS rows, nearest first.
    var containers: [ObservationPosition] {
        var result: [ObservationPosition] = []
        if facet != 0 { result.append(.init(mds: mds, vmd: vmd, channel: channel, metric: metric)) }
        if metric != 0 { result.append(.init(mds: mds, vmd: vmd, channel: channel, metric: 0)) }
        if channel != 0 { result.append(.init(mds: mds, vmd: vmd, channel: 0, metric: 0)) }
        if vmd != 0 { result.append(.init(mds: mds, vmd: 0, channel: 0, metric: 0)) }
        return result
    }

    /// Whether this is an MDS row (`x.0.0.0`).
    public var isMDS: Bool { vmd == 0 && channel == 0 && metric == 0 && facet == 0 }

    public var description: String {
        "\(mds).\(vmd).\(channel).\(metric)" + (facet == 0 ? "" : ".\(facet)")
    }
}

/// OBX-5 read according to OBX-2.
public enum ObservationValue: Hashable, Sendable {
    /// No value (device rows, `X` status).
    case none
    /// `NM`: the text as sent (precision kept) and its number.
    case numeric(text: String, number: Double)
    /// `CWE`/`CE`/`CNE`: code (component 1, may be empty) and text (component 2).
    case coded(code: String, text: String)
    /// `ST` and anything else: the decoded text.
    case text(String)

    /// The number of a numeric value.
    public var number: Double? { if case .numeric(_, let number) = self { number } else { nil } }

    /// The most telling word of a value: the coded text, else the code, else the text.
    public var word: String? {
        switch self {
        case .none, .numeric: nil
        case .coded(let code, let text): text.isEmpty ? code : text
        case .text(let text): text
        }
    }
}
