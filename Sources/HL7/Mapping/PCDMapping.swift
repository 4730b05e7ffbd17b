public import InfusionCore

/// What one accepted device message means for the clinic.
public struct PCDMapping: Hashable, Sendable {
    /// The registered device that sent it.
    public var device: DeviceRegistry.Entry
    /// PID-3 (MRN) as sent, for the adapter to compare with the chair's session.
    public var patientID: String?
    /// The events to publish, in order (empty for a PCD-04 alert until alarms are events).
    public var payloads: [ClinicEventPayload]
    /// The PCD-04 alert, when the message was one.
    public var alert: DeviceAlert?
    /// Things deliberately not used, for the log (`MDC_PULS_RATE_NON_INV not mapped`).
    public var notes: [String]

    public init(device: DeviceRegistry.Entry, patientID: String?, payloads: [ClinicEventPayload], alert: DeviceAlert?, notes: [String] = []) {
        self.device = device
        self.patientID = patientID
        self.payloads = payloads
        self.alert = alert
        self.notes = notes
    }
}
