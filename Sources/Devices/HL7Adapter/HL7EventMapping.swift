public import Foundation
public import HL7
public import InfusionCore

/// The clinic events the HL7 adapter adds around a receiver's mapping: device
/// registration, device (PCD-04) alarms and the patient-mismatch alarm. Pure.
public enum HL7EventMapping {
    /// Seconds between reports a monitor is expected to keep (PCD-01 is typically sent
    /// every minute) and the silence after which it is "no data".
    public static let monitorTiming: (expectedInterval: TimeInterval, timeout: TimeInterval) = (60, 180)
    /// The same for a pump (PCD-10 status every 30 s or on change).
    public static let pumpTiming: (expectedInterval: TimeInterval, timeout: TimeInterval) = (30, 90)

    /// The registration published at start for a registry entry: a real device, never `SIM`.
    public static func descriptor(for entry: DeviceRegistry.Entry) -> DeviceDescriptor {
        let timing = entry.kind == .monitor ? monitorTiming : pumpTiming
        return DeviceDescriptor(
            id: entry.deviceID, label: entry.label, kind: entry.kind, chair: entry.chair, isSimulated: false,
            expectedInterval: timing.expectedInterval, timeout: timing.timeout)
    }

    /// Whether a message's patient differs from the chair's session patient. Only when
    /// both are known and non-empty: a device that sends no PID-3, or a chair with no open
    /// session, is not a mismatch.
    public static func isPatientMismatch(messagePatient: String?, sessionPatient: String?) -> Bool {
        guard let message = messagePatient?.trimmingCharacters(in: .whitespaces), !message.isEmpty,
            let session = sessionPatient?.trimmingCharacters(in: .whitespaces), !session.isEmpty
        else { return false }
        return message != session
    }

    /// The alarm key of a device-reported condition: `device`, `<EUI-64>|<code>`.
    public static func alarmKey(eui64: String, code: String) -> AlarmKey { AlarmKey(.device, "\(eui64)|\(code)") }

    /// The technical alarm raised when a device's message names another patient than
    /// the chair's session (its data are not merged).
    public static func patientMismatchAlarm(for device: DeviceRegistry.Entry, at now: Date) -> ClinicEventPayload {
        .alarmRaised(AlarmRaised(
            chair: device.chair, key: alarmKey(eui64: device.eui64, code: "patient-mismatch"), priority: .high,
            text: "PATIENT ID MISMATCH \(device.label)", onsetAt: now, at: now))
    }

    /// The error the ACK carries for a patient mismatch (AE 207 at PID-3).
    public static func patientMismatchError(chair: ChairID) -> HL7Error {
        .content(
            .applicationError, at: HL7ErrorLocation(segment: "PID", sequence: 1, field: 3),
            "patient mismatch: PID-3 is not the patient of the session in \(chair)")
    }

    /// Mirrors a PCD-04 alert: `.alarmRaised` while active, `.alarmConditionEnded` when the
    /// device says it ended. This station never clears a device's alarm itself. Alerts
    /// of priority PN (none) are informational and raise nothing.
    public static func alarmEvents(for alert: DeviceAlert, device: DeviceRegistry.Entry, at now: Date) -> [ClinicEventPayload] {
        let code = alert.eventCode != 0 ? String(alert.eventCode) : alert.eventName
        let key = alarmKey(eui64: device.eui64, code: code)
        if hasEnded(alert) {
            return [.alarmConditionEnded(AlarmConditionEnded(chair: device.chair, key: key, at: now))]
        }
        guard let priority = alarmPriority(alert.priority) else { return [] }
        let described = alert.text.flatMap { $0.isEmpty ? nil : $0 } ?? readableName(alert.eventName)
        return [.alarmRaised(AlarmRaised(
            chair: device.chair, key: key, priority: priority, text: "\(device.label) \(described)",
            onsetAt: alert.occurredAt ?? now, at: now))]
    }

    /// PH/PM/PL to high/medium/low; PN to nil. A missing priority is taken as medium:
    /// a device that reports an alarm without saying how bad is not ignored.
    public static func alarmPriority(_ priority: AlertPriority?) -> AlarmPriority? {
        guard let priority else { return .medium }
        switch priority {
        case .high: return .high
        case .medium: return .medium
        case .low: return .low
        case .none: return nil
        }
    }

    /// Phase `end` / `reset`, state `inactive`, or inactivation state `alarm-off` /
    /// `alarm-paused` (the device stopped signalling it).
    public static func hasEnded(_ alert: DeviceAlert) -> Bool {
        let phase = alert.phase?.lowercased() ?? ""
        let state = alert.state?.lowercased() ?? ""
        let inactivation = alert.inactivationState?.lowercased() ?? ""
        return ["end", "reset"].contains(phase) || state == "inactive" || ["alarm-off", "alarm-paused"].contains(inactivation)
    }

    /// `MDC_EVT_FLUID_LINE_OCCL` → `FLUID LINE OCCL`.
    static func readableName(_ name: String) -> String {
        let trimmed = name.hasPrefix("MDC_EVT_") ? String(name.dropFirst(8)) : name
        return trimmed.isEmpty ? "DEVICE ALARM" : trimmed.replacingOccurrences(of: "_", with: " ")
    }
}
