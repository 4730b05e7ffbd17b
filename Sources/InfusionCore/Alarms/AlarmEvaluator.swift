public import Foundation

/// Decides, from the state and the time, which alarms start and end: pure and deterministic.
///
/// The model's owner calls it every tick and publishes what it returns on the bus, so
/// each raise and end is an event: journaled, replayed, and in the chair's history.
/// Only occupied chairs alarm: a free chair's silent monitor is not a patient at risk.
public enum AlarmEvaluator {
    public static func transitions(in state: ClinicState, at now: Date, freshness: FreshnessPolicy) -> [ClinicEventPayload] {
        var events: [ClinicEventPayload] = []
        for chair in state.chairs where chair.isOccupied || !chair.alarms.active.isEmpty {
            var wanted: [AlarmKey: (priority: AlarmPriority, text: String, onset: Date)] = [:]
            if chair.isOccupied {
                physiological(chair, rules: state.alarmRules, now: now, into: &wanted)
                technical(chair, state: state, now: now, freshness: freshness, into: &wanted)
            }
            for key in wanted.keys.sorted() {
                guard let condition = wanted[key] else { continue }
                let existing = chair.alarms.active[key]
                if existing == nil || existing!.isLatched || existing!.priority != condition.priority {
                    events.append(.alarmRaised(AlarmRaised(
                        chair: chair.id, key: key, priority: condition.priority, text: condition.text,
                        onsetAt: condition.onset, at: now)))
                }
            }
            for key in chair.alarms.active.keys.sorted() where wanted[key] == nil {
                guard let alarm = chair.alarms.active[key], !alarm.isLatched else { continue }
                guard key.kind != .device else { continue }  // device alarms end when the device says so
                events.append(.alarmConditionEnded(AlarmConditionEnded(chair: chair.id, key: key, at: now)))
            }
        }
        return events
    }

    private static func physiological(
        _ chair: ChairState, rules: AlarmRules, now: Date,
        into wanted: inout [AlarmKey: (priority: AlarmPriority, text: String, onset: Date)]
    ) {
        for (kind, condition) in chair.alarms.conditions where chair.alarms.disabled[kind] == nil {
            guard chair.vitals[kind] != nil else { continue }
            let delay = rules.limits[kind]?.delay ?? 0
            if now.timeIntervalSince(condition.since) >= delay {
                wanted[.vital(kind)] = (condition.priority, condition.text, condition.since)
            } else if let active = chair.alarms.active[.vital(kind)], !active.isLatched {
                wanted[.vital(kind)] = (active.priority, active.text, active.onsetAt)
            }
        }
    }

    private static func technical(
        _ chair: ChairState, state: ClinicState, now: Date, freshness: FreshnessPolicy,
        into wanted: inout [AlarmKey: (priority: AlarmPriority, text: String, onset: Date)]
    ) {
        let rules = state.alarmRules
        for (_, deviceID) in chair.devices.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let device = state.devices[deviceID] else { continue }
            if chair.links[deviceID] == .lost {
                wanted[AlarmKey(.linkLost, deviceID.rawValue)] = (rules.linkLostPriority, "\(device.label) LINK LOST", now)
            } else if freshness.isSilent(device, lastHeard: chair.lastHeard[deviceID], at: now) {
                let since = chair.lastHeard[deviceID].map { $0.addingTimeInterval(device.timeout) } ?? now
                wanted[AlarmKey(.noData, deviceID.rawValue)] = (rules.noDataPriority, "\(device.label) NO DATA", since)
            }
        }
        for (kind, reason) in chair.unavailable where chair.alarms.disabled[kind] == nil {
            wanted[AlarmKey(.unavailable, kind.rawValue)] = (rules.unavailablePriority, "\(kind.rawValue) \(reason.uppercased())", now)
        }
        if let pump = chair.pump, pump.status == .alarmStopped {
            let reason = pump.lastReport.alarmReason ?? "alarm"
            wanted[AlarmKey(.pumpAlarm, pump.device.rawValue)] = (
                rules.pumpAlarmPriority, "PUMP \(reason.uppercased())", pump.lastReport.measuredAt
            )
        }
        if let unconfirmed = chair.unconfirmedCommandAlarm(at: now) {
            wanted[unconfirmed.key] = (unconfirmed.priority, unconfirmed.text, unconfirmed.onset)
        }
        for (key, alarm) in chair.alarms.active where key.kind == .device && !alarm.isLatched {
            wanted[key] = (alarm.priority, alarm.text, alarm.onsetAt)
        }
    }
}
