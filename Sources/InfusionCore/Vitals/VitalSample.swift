public import Foundation

/// One measured value as a device reported it.
public struct VitalSample: Hashable, Codable, Sendable {
    public var kind: VitalKind
    /// In `kind.unitSymbol`.
    public var value: Double
    /// When the device measured it (device time; for NIBP the cuff's measurement time).
    public var measuredAt: Date

    public init(kind: VitalKind, value: Double, measuredAt: Date) {
        self.kind = kind
        self.value = value
        self.measuredAt = measuredAt
    }
}

/// The latest value of one parameter on one chair, with both of its times.
public struct VitalReading: Hashable, Codable, Sendable {
    public var value: Double
    public var measuredAt: Date
    public var receivedAt: Date
    public var device: DeviceID

    public init(value: Double, measuredAt: Date, receivedAt: Date, device: DeviceID) {
        self.value = value
        self.measuredAt = measuredAt
        self.receivedAt = receivedAt
        self.device = device
    }

    /// Seconds since the device measured the value.
    public func age(at now: Date) -> TimeInterval { now.timeIntervalSince(measuredAt) }
}
