import Foundation

/// How alarm events and vital signs move a chair's alarms (part of the pure reducer).
enum AlarmReduction {
    /// Re-checks the condition of each vital in `samples` against the rules.
    static func updateConditions(
        for samples: [VitalSample], chair: inout ChairState, rules: AlarmRules
    ) {
        for sample in samples {
            guard let current = chair.vitals[sample.kind], current.measuredAt == sample.measuredAt,
                let limits = rules.limits[sample.kind]
            else { continue }
            let baseline = chair.session?.start.baseline[sample.kind]
            if let (priority, text) = limits.check(sample.value, kind: sample.kind, baseline: baseline) {
                let since = chair.alarms.conditions[sample.kind]?.since ?? sample.measuredAt
                chair.alarms.conditions[sample.kind] = AlarmCondition(priority: priority, text: text, since: since)
            } else {
                chair.alarms.conditions[sample.kind] = nil
            }
        }
    }

    static func raise(_ raised: AlarmRaised, chair: inout ChairState) {
        if var existing = chair.alarms.active[raised.key], !existing.isLatched {
            guard existing.priority != raised.priority || existing.text != raised.text else { return }
            if raised.priority > existing.priority {
                existing.acknowledgedAt = nil  // a worse condition alerts again
                existing.acknowledgedBy = nil
                chair.appendLog("\(raised.priority.marker) \(raised.text) (worse)", at: raised.at)
            }
            existing.priority = raised.priority
            existing.text = raised.text
            chair.alarms.active[raised.key] = existing
            return
        }
        if chair.alarms.active[raised.key] != nil { chair.alarms.end(raised.key, at: raised.at) }
        chair.alarms.active[raised.key] = ActiveAlarm(
            key: raised.key, priority: raised.priority, text: raised.text, onsetAt: raised.onsetAt, raisedAt: raised.at)
        chair.appendLog("\(raised.priority.marker) \(raised.priority.word) \(raised.text)", at: raised.at)
    }

    static func endCondition(_ ended: AlarmConditionEnded, chair: inout ChairState, rules: AlarmRules) {
        guard var alarm = chair.alarms.active[ended.key], !alarm.isLatched else { return }
        if alarm.priority == .high, rules.latchHigh, !alarm.isAcknowledged {
            alarm.conditionEndedAt = ended.at
            chair.alarms.active[ended.key] = alarm
            chair.appendLog("\(alarm.text) ended; latched until acknowledged", at: ended.at)
        } else {
            chair.alarms.end(ended.key, at: ended.at)
            chair.appendLog("\(alarm.text) ended", at: ended.at)
        }
    }

    static func acknowledge(_ acknowledgement: AlarmAcknowledgement, chair: inout ChairState) {
        guard !chair.alarms.active.isEmpty else { return }
        for key in chair.alarms.active.keys.sorted() {
            guard var alarm = chair.alarms.active[key] else { continue }
            if alarm.isLatched {
                alarm.acknowledgedBy = acknowledgement.by
                alarm.acknowledgedAt = acknowledgement.at
                chair.alarms.active[key] = alarm
                chair.alarms.end(key, at: acknowledgement.at)
            } else if !alarm.isAcknowledged {
                alarm.acknowledgedBy = acknowledgement.by
                alarm.acknowledgedAt = acknowledgement.at
                chair.alarms.active[key] = alarm
            }
        }
        chair.appendLog("Alarms acknowledged by \(acknowledgement.by)", at: acknowledgement.at)
    }

    static func switchAlarm(_ change: AlarmSwitch, chair: inout ChairState) {
        if change.isOff {
            chair.alarms.disabled[change.kind] = AlarmOff(reason: change.reason, by: change.by, at: change.at)
            chair.alarms.end(.vital(change.kind), at: change.at)
            chair.appendLog("\(change.kind.rawValue) alarm OFF by \(change.by): \(change.reason)", at: change.at)
        } else {
            chair.alarms.disabled[change.kind] = nil
            chair.appendLog("\(change.kind.rawValue) alarm back ON by \(change.by)", at: change.at)
        }
    }
}
