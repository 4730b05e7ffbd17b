public import Foundation

/// One alarm as it happened during a session, for the session record: raised, maybe
/// acknowledged, ended. Built from alarm events only (never from vitals), so the
/// station's model and a journal replay agree on it exactly.
public struct SessionAlarmEpisode: Hashable, Codable, Sendable {
    public var key: AlarmKey
    /// The highest priority the alarm reached.
    public var priority: AlarmPriority
    /// The alarm's text when raised (`SpO2 88<90`), updated if it worsened.
    public var text: String
    public var onsetAt: Date
    public var raisedAt: Date
    public var acknowledgedBy: String?
    public var acknowledgedAt: Date?
    /// When the alarm left the board (condition ended, acknowledged after latching, or switched off).
    public var endedAt: Date?

    public init(_ alarm: ActiveAlarm) {
        key = alarm.key
        priority = alarm.priority
        text = alarm.text
        onsetAt = alarm.onsetAt
        raisedAt = alarm.raisedAt
        acknowledgedBy = alarm.acknowledgedBy
        acknowledgedAt = alarm.acknowledgedAt
    }
}
