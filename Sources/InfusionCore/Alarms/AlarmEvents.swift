public import Foundation

/// The evaluator found an alarm condition past its delay (or its priority changed).
public struct AlarmRaised: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var key: AlarmKey
    public var priority: AlarmPriority
    public var text: String
    public var onsetAt: Date
    public var at: Date
    public init(chair: ChairID, key: AlarmKey, priority: AlarmPriority, text: String, onsetAt: Date, at: Date) {
        self.chair = chair
        self.key = key
        self.priority = priority
        self.text = text
        self.onsetAt = onsetAt
        self.at = at
    }
}

/// An alarm's condition ended (a latched high alarm then waits for acknowledgement).
public struct AlarmConditionEnded: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var key: AlarmKey
    public var at: Date
    public init(chair: ChairID, key: AlarmKey, at: Date) {
        self.chair = chair
        self.key = key
        self.at = at
    }
}

/// A clinician acknowledged a chair's alarms here. This never claims to clear a
/// device's own alarm: the bedside device still owns it.
public struct AlarmAcknowledgement: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var by: String
    public var at: Date
    public init(chair: ChairID, by: String, at: Date) {
        self.chair = chair
        self.by = by
        self.at = at
    }
}

/// Audio paused for the whole station until `until`; a higher-priority alarm breaks through.
public struct AudioPause: Hashable, Codable, Sendable {
    public var by: String
    public var at: Date
    public var until: Date
    /// The highest priority active when the pause began (nil: none was active).
    public var priorityAtPause: AlarmPriority?
    public init(by: String, at: Date, until: Date, priorityAtPause: AlarmPriority?) {
        self.by = by
        self.at = at
        self.until = until
        self.priorityAtPause = priorityAtPause
    }
}

/// An alarm switched off (or back on) for one parameter of one chair.
public struct AlarmSwitch: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var kind: VitalKind
    public var isOff: Bool
    public var reason: String
    public var by: String
    public var at: Date
    public init(chair: ChairID, kind: VitalKind, isOff: Bool, reason: String, by: String, at: Date) {
        self.chair = chair
        self.kind = kind
        self.isOff = isOff
        self.reason = reason
        self.by = by
        self.at = at
    }
}
