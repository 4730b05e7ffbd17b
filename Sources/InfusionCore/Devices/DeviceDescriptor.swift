public import Foundation

/// What kind of device feeds a chair.
public enum DeviceKind: String, Codable, Hashable, Sendable {
    case monitor
    case pump
}

/// A device known to the clinic: which chair it serves and how often it must be heard from.
public struct DeviceDescriptor: Hashable, Codable, Sendable {
    public var id: DeviceID
    /// Short name for the screen (`MON01`).
    public var label: String
    public var kind: DeviceKind
    public var chair: ChairID
    /// Simulated devices are labelled `SIM` on screen, always.
    public var isSimulated: Bool
    /// Seconds between reports in normal running; a value older than this is drawn stale.
    public var expectedInterval: TimeInterval
    /// Seconds of silence after which the device's values become `--` and "no data" is raised.
    public var timeout: TimeInterval

    public init(
        id: DeviceID, label: String, kind: DeviceKind, chair: ChairID, isSimulated: Bool,
        expectedInterval: TimeInterval, timeout: TimeInterval
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.chair = chair
        self.isSimulated = isSimulated
        self.expectedInterval = expectedInterval
        self.timeout = timeout
    }
}

/// Whether the link to a device is up, as the adapter sees it.
public enum DeviceLinkState: String, Codable, Hashable, Sendable {
    case connected
    case lost
}
