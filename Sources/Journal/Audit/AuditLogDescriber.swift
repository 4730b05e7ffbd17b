import Foundation
import InfusionCore

/// Turns journaled payloads into readable audit-log entries: the extension point for
/// operator actions.
///
/// Device data (vitals, pump reports, model estimates) is not part of the audit log and
/// gives `nil`. Everything a person or the program decided gives an entry. A payload case
/// not described here yet (a rate change, an acknowledgement, a sign-off) still appears,
/// as its kind name under `system`: add a `case` to say who did it, what, old -> new and
/// the reason it carries. Old values the payload does not carry (a phase, a link state) come from the entries
/// already seen, which is why the describer walks the log in sequence order.
struct AuditLogDescriber {
    /// Payload kinds skipped before decoding (high-volume device data, never in the log).
    static let deviceDataKinds = ["vitalsObserved", "vitalsUnavailable", "pumpReported", "concentrationsEstimated"]

    private var phases: [SessionID: SessionPhase] = [:]
    private var links: [DeviceID: DeviceLinkState] = [:]

    /// The entry for one event, or `nil` for device data.
    mutating func entry(
        for payload: ClinicEventPayload, kind: String, sequence: UInt64, time: Date, session: String?
    ) -> AuditLogEntry? {
        var entry = AuditLogEntry(
            sequence: sequence, time: time, chair: payload.chair?.rawValue, session: session, who: "system", what: "")
        switch payload {
        case .vitalsObserved, .vitalsUnavailable, .pumpReported, .concentrationsEstimated:
            return nil
        case .clinicNamed(let name):
            entry.who = "config"
            entry.what = "Clinic named"
            entry.newValue = name
        case .chairConfigured(let chair):
            entry.who = "config"
            entry.what = "Chair configured"
            entry.newValue = chair.label
        case .deviceRegistered(let device):
            entry.who = "config"
            entry.what = "Device registered"
            entry.newValue = "\(device.label) (\(device.kind.rawValue)\(device.isSimulated ? ", simulated" : ""))"
        case .deviceLinkChanged(let change):
            entry.what = "Link \(change.device)"
            entry.oldValue = links[change.device]?.rawValue
            entry.newValue = change.state.rawValue
            links[change.device] = change.state
        case .sessionStarted(let start):
            entry.who = "admission"
            entry.what = "Session started"
            entry.newValue = "\(start.patient.shortLabel), \(start.weight), \(start.order.drugName) \(start.order.dose)"
            phases[start.session] = .admitted
        case .sessionPhaseChanged(let change):
            entry.what = "Phase"
            entry.oldValue = phases[change.session]?.label
            entry.newValue = change.phase.label
            phases[change.session] = change.phase
        case .sessionEnded(let end):
            entry.what = "Session closed"
            entry.oldValue = phases[end.session]?.label
            phases[end.session] = nil
        case .alarmRulesConfigured:
            entry.who = "config"
            entry.what = "Alarm rules configured"
        case .alarmRaised(let raised):
            entry.what = "Alarm \(raised.priority.word) \(raised.key.category.shortLabel)"
            entry.newValue = raised.text
        case .alarmConditionEnded(let ended):
            entry.what = "Alarm condition ended"
            entry.oldValue = ended.key.description
        case .alarmsAcknowledged(let acknowledgement):
            entry.who = acknowledgement.by
            entry.what = "Alarms acknowledged"
        case .alarmAudioPaused(let pause):
            entry.who = pause.by
            entry.what = "Alarm audio paused"
            entry.newValue = "until \(pause.until.formatted(.iso8601))"
        case .alarmSwitched(let change):
            entry.who = change.by
            entry.what = "\(change.kind.rawValue) alarm"
            entry.oldValue = change.isOff ? "on" : "off"
            entry.newValue = change.isOff ? "off" : "on"
            entry.reason = change.reason.isEmpty ? nil : change.reason
        case .sessionResumed(let resumed):
            entry.what = "Session resumed after restart"
            entry.newValue = "gap \(DurationText.clock(resumed.gap))"
        case .deviceMessageRejected(let rejection):
            entry.who = "hl7"
            entry.what = "Device message rejected"
            entry.newValue = "\(rejection.code) \(rejection.reason) (\(rejection.byteCount) bytes from \(rejection.source))"
        case .dissociationScored(let scoring):
            entry.who = scoring.by.user.rawValue
            entry.what = "Dissociation score"
            entry.newValue = scoring.score?.label ?? "invalid items \(scoring.items)"
        case .interventionRecorded(let record):
            entry.who = record.by.user.rawValue
            entry.what = "\(record.isAdverseEvent ? "Adverse event" : "Intervention") \(record.kind.rawValue)"
            entry.newValue = record.text
        case .dischargeItemRecorded(let record):
            entry.who = record.by.user.rawValue
            entry.what = "Checklist \(record.item.kind.rawValue)"
            entry.newValue = record.item.label
        case .sessionSigned(let signature):
            entry.who = signature.signer.user.rawValue
            entry.what = signature.amends == nil ? "Session signed" : "Amendment signed"
            entry.oldValue = signature.amends == nil ? phases[signature.session]?.label : nil
            entry.newValue = "\(signature.signer.printedName) (\(signature.signer.role.title)): \(signature.meaning); "
                + "record through \(signature.recordThroughSequence), SHA-256 \(signature.recordHash)"
            if signature.amends == nil { phases[signature.session] = .signedOff }
        case .sessionAmended(let amendment):
            entry.who = amendment.by.user.rawValue
            entry.what = "Session amended"
            entry.newValue = amendment.text
            entry.reason = "amends signature at \(amendment.signatureSequence)"
        default:
            // Dose orders and sign-in events (AuditLogDescriber+Operators); any other new
            // payload case still appears, as its kind name, until it is described.
            if !Self.describeOperatorAction(payload, into: &entry) { entry.what = kind }
        }
        return entry
    }
}
