public import InfusionCore

/// The clinic's HL7 devices: which EUI-64 is which monitor or pump, in which chair.
///
/// The registry, not PV1, decides the chair: a device's location in PV1 is informative
/// only. EUI-64s are compared upper-cased.
public struct DeviceRegistry: Hashable, Sendable {
    /// One known device.
    public struct Entry: Hashable, Sendable {
        /// 16 hex digits as sent in OBX-18 (`0A00000000000101`).
        public var eui64: String
        /// The label the rest of the station uses as its `DeviceID` (`MON01`).
        public var label: String
        public var kind: DeviceKind
        public var chair: ChairID

        public init(eui64: String, label: String, kind: DeviceKind, chair: ChairID) {
            self.eui64 = eui64.uppercased()
            self.label = label
            self.kind = kind
            self.chair = chair
        }

        /// The id clinic events carry.
        public var deviceID: DeviceID { DeviceID(label) }
    }

    private var entries: [String: Entry]

    public init(_ entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.eui64, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The device with this EUI-64, or nil when the clinic does not know it.
    public func device(eui64: String) -> Entry? { entries[eui64.uppercased()] }

    /// All devices, sorted by EUI-64.
    public var allDevices: [Entry] { entries.values.sorted { $0.eui64 < $1.eui64 } }

    /// The sample clinic of `/work/shared/hl7/README.md`: MON01…04 in CHAIR-01…04,
    /// PUMP01…02 in CHAIR-01…02.
    public static let sampleClinic = DeviceRegistry(
        (1...4).map { Entry(eui64: "0A0000000000010\($0)", label: "MON0\($0)", kind: .monitor, chair: ChairID("CHAIR-0\($0)")) }
            + (1...2).map { Entry(eui64: "0A0000000000020\($0)", label: "PUMP0\($0)", kind: .pump, chair: ChairID("CHAIR-0\($0)")) })
}
