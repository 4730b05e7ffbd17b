import Foundation
import InfusionCore
import TerminalUI

/// Turns what the operator asked for on screen into the event that records it.
enum OperatorActions {
    static func payload(for effect: ScreenEffect, operator name: String, state: ClinicState, now: Date) -> ClinicEventPayload? {
        switch effect {
        case .quit, .cycleTheme, .signIn, .unlock, .signOut, .submitOrder, .recordEntry, .admit, .signOff, .amend:
            return nil  // not alarm actions: the loop runs them itself
        case .acknowledgeAlarms(let chair):
            guard let target = state[chair: chair], !target.alarms.active.isEmpty else { return nil }
            return .alarmsAcknowledged(AlarmAcknowledgement(chair: chair, by: name, at: now))
        case .pauseAudio:
            let duration = state.alarmRules.audioPauseDuration
            return .alarmAudioPaused(AudioPause(
                by: name, at: now, until: now.addingTimeInterval(duration), priorityAtPause: state.highestAlarmPriority))
        case .switchAlarm(let chair, let kind, let isOff, let reason):
            if isOff, reason.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            return .alarmSwitched(AlarmSwitch(chair: chair, kind: kind, isOff: isOff, reason: reason, by: name, at: now))
        }
    }
}
