public import Foundation
public import InfusionCore

/// Decides when the station sounds, by priority (after IEC 60601-1-8's patterns, on a terminal bell):
/// high repeats every second, medium every five seconds, low once per new alarm.
///
/// Acknowledged alarms are silent, and so is everything while audio is paused unless a
/// higher-priority alarm breaks through. Pure apart from its own memory of what it rang;
/// the UI loop asks it once per turn with the clock's now.
public struct AlarmSoundPlanner: Sendable {
    public static let highRepeat: TimeInterval = 1
    public static let mediumRepeat: TimeInterval = 5

    /// One low-priority alarm episode: a re-raised alarm is a new one and rings again.
    struct LowAlarmMark: Hashable {
        let chair: ChairID
        let key: AlarmKey
        let raisedAt: Date
    }

    private var lastRing: [AlarmPriority: Date] = [:]
    /// The low alarms already rung that are still active and unacknowledged; trimmed every
    /// turn to those, so a shift's alarms do not pile up here (issue #8's flat RSS).
    private(set) var announcedLow: Set<LowAlarmMark> = []

    public init() {}

    /// The priority to sound now, or nil for silence.
    public mutating func next(for state: ClinicState, at now: Date) -> AlarmPriority? {
        if state.isAudioPaused(at: now) { return nil }
        var highest: AlarmPriority?
        var activeLow = Set<LowAlarmMark>()
        for chair in state.chairs {
            let unacknowledged = chair.alarms.active.values.filter { !$0.isAcknowledged }
            guard !unacknowledged.isEmpty else { continue }
            var priority = unacknowledged.map(\.priority).max()!
            let mediums = unacknowledged.filter { $0.priority == .medium }.count
            if priority == .medium, state.alarmRules.escalationCount > 0, mediums >= state.alarmRules.escalationCount {
                priority = .high
            }
            highest = max(highest ?? priority, priority)
            for alarm in unacknowledged where alarm.priority == .low {
                activeLow.insert(LowAlarmMark(chair: chair.id, key: alarm.key, raisedAt: alarm.raisedAt))
            }
        }
        announcedLow.formIntersection(activeLow)
        guard let highest else { return nil }
        switch highest {
        case .high, .medium:
            let interval = highest == .high ? Self.highRepeat : Self.mediumRepeat
            if let last = lastRing[highest], now.timeIntervalSince(last) < interval, now >= last { return nil }
            lastRing[highest] = now
            return highest
        case .low:
            guard !activeLow.isSubset(of: announcedLow) else { return nil }
            announcedLow = activeLow
            return .low
        }
    }
}
