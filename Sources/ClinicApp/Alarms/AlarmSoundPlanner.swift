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

    private var lastRing: [AlarmPriority: Date] = [:]
    private var announcedLow: Set<String> = []

    public init() {}

    /// The priority to sound now, or nil for silence.
    public mutating func next(for state: ClinicState, at now: Date) -> AlarmPriority? {
        if state.isAudioPaused(at: now) { return nil }
        var highest: AlarmPriority?
        var newLow: [String] = []
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
                let id = "\(chair.id)|\(alarm.key)|\(alarm.raisedAt.timeIntervalSince1970)"
                if !announcedLow.contains(id) { newLow.append(id) }
            }
        }
        guard let highest else { return nil }
        switch highest {
        case .high, .medium:
            let interval = highest == .high ? Self.highRepeat : Self.mediumRepeat
            if let last = lastRing[highest], now.timeIntervalSince(last) < interval, now >= last { return nil }
            lastRing[highest] = now
            return highest
        case .low:
            guard !newLow.isEmpty else { return nil }
            announcedLow.formUnion(newLow)
            if announcedLow.count > 10_000 { announcedLow = Set(newLow) }
            return .low
        }
    }
}
