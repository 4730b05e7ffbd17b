public import Foundation

/// What the pump says it is doing.
public enum PumpStatus: String, Codable, Hashable, Sendable {
    /// Programmed but not started.
    case idle
    case infusing
    /// Between the stop and start of a rate change (IHE PCD-10): still counts as running.
    case transitioning
    /// Stopped by the operator; can resume.
    case paused
    /// Stopped by the pump for an alarm (occlusion, air in line, door open).
    case alarmStopped
    /// Volume to be infused reached.
    case complete
    /// Keep-vein-open rate after completion.
    case kvo
    /// Infusion ended for good (stopped by the operator).
    case stopped

    /// Whether drug is flowing at the programmed rate (the infusion clock runs).
    public var isDelivering: Bool { self == .infusing || self == .transitioning }
}

/// One status report from a pump: the only source of the rate and dose the screen shows.
public struct PumpReport: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var device: DeviceID
    public var status: PumpStatus
    /// The flow the pump reports it is running at.
    public var rate: MillilitersPerHour
    /// Total volume the pump has delivered in this program.
    public var volumeInfused: Milliliters
    /// The drug concentration programmed in the pump.
    public var concentration: MilligramsPerMilliliter
    /// Device time of the report.
    public var measuredAt: Date
    /// Why the pump stopped itself (`occlusion`, `air in line`, `door open`), with `.alarmStopped`.
    public var alarmReason: String?

    public init(
        chair: ChairID, device: DeviceID, status: PumpStatus, rate: MillilitersPerHour,
        volumeInfused: Milliliters, concentration: MilligramsPerMilliliter, measuredAt: Date,
        alarmReason: String? = nil
    ) {
        self.alarmReason = alarmReason
        self.chair = chair
        self.device = device
        self.status = status
        self.rate = rate
        self.volumeInfused = volumeInfused
        self.concentration = concentration
        self.measuredAt = measuredAt
    }
}

extension PumpStatus {
    /// Whether fluid flows at the reported rate (delivery or keep-vein-open): dose integrates.
    public var isFlowing: Bool { isDelivering || self == .kvo }

    /// Short word for a tile.
    public var label: String {
        switch self {
        case .idle: "IDLE"
        case .infusing: "RUN"
        case .transitioning: "RUN"
        case .paused: "PAUSED"
        case .alarmStopped: "ALARM"
        case .complete: "DONE"
        case .kvo: "KVO"
        case .stopped: "STOP"
        }
    }
}
