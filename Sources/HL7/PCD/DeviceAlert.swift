public import Foundation

/// A PCD-04 alert in its seven facets.
public struct DeviceAlert: Hashable, Sendable {
    /// The alert event's code (`196940`) and reference id (`MDC_EVT_FLUID_LINE_OCCL`).
    public var eventCode: Int
    public var eventName: String
    /// Free text the device gave with the event (OBX-5 of the event row), if any.
    public var text: String?
    /// The source observation or device position (`MDC_ATTR_ALERT_SOURCE`).
    public var source: String?
    /// `start`, `continue`, `end`, … (`MDC_ATTR_EVENT_PHASE`).
    public var phase: String?
    /// `active`, `inactive`, `latched` (`MDC_ATTR_ALARM_STATE`).
    public var state: String?
    /// `enabled`, `audio-paused`, `alarm-off`, `alert-acknowledged`
    public var inactivationState: String?
    public var priority: AlertPriority?
    public var type: AlertType?
    public var occurredAt: Date?
}

/// PCD-04 alert priority.
public enum AlertPriority: String, Hashable, Sendable {
    case high = "PH", medium = "PM", low = "PL", none = "PN"
}

/// PCD-04 alert type: physiological, technical, advisory.
public enum AlertType: String, Hashable, Sendable {
    case physiological = "SP", technical = "ST", advisory = "SA"
}
