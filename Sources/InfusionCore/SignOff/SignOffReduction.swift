import Foundation

/// How clinical entries, the session's history and the signature move a chair (part of
/// the pure reducer).
///
/// Entries apply only to the chair's open session with the same ID. A signature closes
/// the session and frees the chair; after that, nothing names the session any more, so
/// later entries for it change nothing. Whether a sign-off was allowed is decided where
/// it is made (``DischargeGate``); replay applies what the journal holds.
enum SignOffReduction {
    static func apply(_ scoring: DissociationScoring, chair: inout ChairState) {
        guard chair.session?.id == scoring.session else { return }
        guard let score = scoring.score else {
            chair.appendLog("CADSS entry ignored: items not valid", at: scoring.at)
            return
        }
        chair.session?.dissociationScores.append(scoring)
        chair.appendLog("\(score.label) by \(scoring.by.user)", at: scoring.at)
    }

    static func apply(_ record: InterventionRecord, chair: inout ChairState) {
        guard chair.session?.id == record.session else { return }
        chair.session?.interventions.append(record)
        chair.appendLog("\(record.summary) by \(record.by.user)", at: record.at)
    }

    static func apply(_ record: DischargeItemRecord, chair: inout ChairState) {
        guard chair.session?.id == record.session else { return }
        if case .aldrete(let score) = record.item, !score.isValid {
            chair.appendLog("Aldrete entry ignored: items not valid", at: record.at)
            return
        }
        chair.session?.dischargeItems.append(record)
        chair.appendLog("Checklist \(record.item.label) by \(record.by.user)", at: record.at)
    }

    /// A discharge signature closes the session: phase signed off, chair free. An
    /// amendment's signature (`amends` set) is only journaled: its session is closed already.
    static func apply(_ signature: SessionSignature, chair: inout ChairState) {
        guard signature.amends == nil, chair.session?.id == signature.session else { return }
        chair.appendLog("Phase \(SessionPhase.signedOff.label)", at: signature.at)
        chair.appendLog(
            "Signed off by \(signature.signer.printedName): \(signature.meaning); chair free", at: signature.at)
        chair.session = nil
        chair.pendingCommand = nil
    }

    static func record(_ order: RateChangeOrder, chair: inout ChairState) {
        guard chair.session?.id == order.session else { return }
        chair.session?.rateChanges.append(order)
    }

    static func record(_ order: InfusionControlOrder, chair: inout ChairState) {
        guard chair.session?.id == order.session else { return }
        chair.session?.infusionControls.append(order)
    }

    static func record(_ change: WeightChange, chair: inout ChairState) {
        guard chair.session?.id == change.session else { return }
        chair.session?.weightChanges.append(change)
    }

    /// Adds the phase the pump moved the session to, if it moved.
    static func notePhaseChange(from before: SessionPhase?, chair: inout ChairState) {
        guard let session = chair.session, let before, session.phase != before else { return }
        chair.session?.phaseHistory.append(PhaseEntry(phase: session.phase, at: session.phaseChangedAt))
    }

    /// Brings the session's alarm episodes up to date with the chair's alarms after an
    /// alarm event: new alarms are added, changed ones updated, ended ones closed.
    static func noteAlarms(at time: Date, chair: inout ChairState) {
        guard var session = chair.session else { return }
        let active = chair.alarms.active.values.sorted { lhs, rhs in
            lhs.raisedAt != rhs.raisedAt ? lhs.raisedAt < rhs.raisedAt : lhs.key < rhs.key
        }
        for alarm in active {
            if let index = openEpisode(matching: alarm, in: session) {
                update(&session.alarmEpisodes[index], from: alarm)
            } else {
                session.alarmEpisodes.append(SessionAlarmEpisode(alarm))
            }
        }
        for index in session.alarmEpisodes.indices where session.alarmEpisodes[index].endedAt == nil {
            let episode = session.alarmEpisodes[index]
            guard !active.contains(where: { $0.key == episode.key && $0.raisedAt == episode.raisedAt }) else { continue }
            let ended = chair.alarms.history.last { $0.alarm.key == episode.key && $0.alarm.raisedAt == episode.raisedAt }
            if let ended { update(&session.alarmEpisodes[index], from: ended.alarm) }
            session.alarmEpisodes[index].endedAt = ended?.endedAt ?? time
        }
        chair.session = session
    }

    private static func openEpisode(matching alarm: ActiveAlarm, in session: SessionState) -> Int? {
        session.alarmEpisodes.lastIndex { $0.endedAt == nil && $0.key == alarm.key && $0.raisedAt == alarm.raisedAt }
    }

    private static func update(_ episode: inout SessionAlarmEpisode, from alarm: ActiveAlarm) {
        episode.priority = max(episode.priority, alarm.priority)
        episode.text = alarm.text
        episode.acknowledgedBy = alarm.acknowledgedBy
        episode.acknowledgedAt = alarm.acknowledgedAt
    }
}
