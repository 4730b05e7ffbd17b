public import Foundation

/// An alarm on the board: raised, possibly acknowledged, possibly latched after its condition ended.
public struct ActiveAlarm: Hashable, Codable, Sendable {
    public var key: AlarmKey
    public var priority: AlarmPriority
    public var text: String
    /// When the condition began (before the alarm condition delay).
    public var onsetAt: Date
    /// When the alarm was raised.
    public var raisedAt: Date
    public var acknowledgedBy: String?
    public var acknowledgedAt: Date?
    /// Set when the condition has ended but the high-priority alarm stays until acknowledged.
    public var conditionEndedAt: Date?

    public init(key: AlarmKey, priority: AlarmPriority, text: String, onsetAt: Date, raisedAt: Date) {
        self.key = key
        self.priority = priority
        self.text = text
        self.onsetAt = onsetAt
        self.raisedAt = raisedAt
    }

    public var category: AlarmCategory { key.category }
    public var isAcknowledged: Bool { acknowledgedAt != nil }
    public var isLatched: Bool { conditionEndedAt != nil }

    /// The alarm's state words for lists: `ACK`, `LATCHED`, or `ACTIVE`.
    public var stateLabel: String {
        var words: [String] = []
        if isLatched { words.append("LATCHED") }
        if isAcknowledged { words.append("ACK") }
        return words.isEmpty ? "ACTIVE" : words.joined(separator: " ")
    }
}

/// An alarm that has ended, for the chair's alarm history (survives restarts through the journal).
public struct AlarmRecord: Hashable, Codable, Sendable {
    public var alarm: ActiveAlarm
    public var endedAt: Date

    public var duration: TimeInterval { endedAt.timeIntervalSince(alarm.onsetAt) }
}

/// An alarm switched off for one parameter of one chair, with its reason (a reminder shows while off).
public struct AlarmOff: Hashable, Codable, Sendable {
    public var reason: String
    public var by: String
    public var at: Date
}

/// A chair's alarms: conditions being timed, active alarms, history and alarms switched off.
public struct ChairAlarms: Hashable, Codable, Sendable {
    public static let historyCapacity = 200

    /// Vital signs out of range, not yet (or already) raised.
    public var conditions: [VitalKind: AlarmCondition] = [:]
    public var active: [AlarmKey: ActiveAlarm] = [:]
    public var history: [AlarmRecord] = []
    public var disabled: [VitalKind: AlarmOff] = [:]

    public init() {}

    /// Active alarms, highest priority first, then oldest first.
    public var sorted: [ActiveAlarm] {
        active.values.sorted { lhs, rhs in
            lhs.priority != rhs.priority ? lhs.priority > rhs.priority
                : (lhs.raisedAt != rhs.raisedAt ? lhs.raisedAt < rhs.raisedAt : lhs.key < rhs.key)
        }
    }

    /// The chair's priority: the highest active one, escalated to high when `escalationCount`
    /// or more medium alarms are active at once. Nil with no active alarm.
    public func effectivePriority(escalationCount: Int) -> AlarmPriority? {
        guard let highest = active.values.map(\.priority).max() else { return nil }
        let mediums = active.values.filter { $0.priority == .medium && !$0.isLatched }.count
        if highest < .high, escalationCount > 0, mediums >= escalationCount { return .high }
        return highest
    }

    /// Whether the chair is escalated (its priority is high only because of several mediums).
    public func isEscalated(escalationCount: Int) -> Bool {
        effectivePriority(escalationCount: escalationCount) == .high && !active.values.contains { $0.priority == .high }
    }

    mutating func end(_ key: AlarmKey, at time: Date) {
        guard let alarm = active.removeValue(forKey: key) else { return }
        history.append(AlarmRecord(alarm: alarm, endedAt: alarm.conditionEndedAt ?? time))
        if history.count > Self.historyCapacity { history.removeFirst(history.count - Self.historyCapacity) }
    }
}
