public import Foundation
public import InfusionCore

/// One session's record, read back from the journal: what the report formats print.
///
/// A value built by ``SessionReportLoader`` from the journaled events alone (domain §6):
/// identifiers, order, weights, baseline, phase times, dose given, the vitals and pump
/// timeline, rate changes, alarms, dissociation scores, interventions, the discharge
/// checklist and the signature. Every renderer prints this value and nothing else, so
/// the HTML, text, CSV and JSON always tell the same story. Times are absolute (`Date`);
/// renderers choose the time zone.
public struct SessionReport: Hashable, Codable, Sendable {
    /// The clinic's configured name, when the journal holds one.
    public var clinicName: String?
    public var session: SessionID
    /// Open, closed (unsigned) or signed.
    public var status: SessionStatus
    public var chair: ChairID
    public var patient: PatientIdentity
    public var order: OrderSummary
    /// The admission weight first, then each correction, oldest first.
    public var weights: [WeightEntry]
    /// Baseline vitals at admission, in `VitalKind` order.
    public var baseline: [BaselineValue]
    /// The chair's devices as registered (simulated devices are always labelled so).
    public var devices: [DeviceEntry]
    /// Each phase the session entered, with when, oldest first.
    public var phases: [PhaseEntry]
    public var admittedAt: Date
    /// First time the pump reported delivering.
    public var infusionStartedAt: Date?
    /// When the pump completed or was stopped for good.
    public var infusionEndedAt: Date?
    /// When the session was closed (the chair freed); nil while open.
    public var closedAt: Date?
    /// Pump running time in seconds (the infusion clock; stops while paused).
    public var infusionSeconds: TimeInterval
    /// Drug delivered: the integral of the rate the pump reported (as on the screen).
    public var doseGiven: ReportedQuantity<Milligrams>
    /// `doseGiven` per kg of the current weight.
    public var doseGivenPerKilogram: ReportedQuantity<MilligramsPerKilogram>
    public var volumeGiven: ReportedQuantity<Milliliters>
    /// Vitals (per-minute means, each NIBP at its own time) and pump rate changes, by time.
    public var timeline: [TimelineSample]
    /// Accepted rate changes: old → new in both units, who, why.
    public var rateChanges: [RateChangeEntry]
    /// Accepted pause, resume and stop orders.
    public var controlOrders: [ControlOrderEntry]
    /// Alarms raised during the session, by time raised.
    public var alarms: [AlarmEntry]
    /// Dissociation scores (CADSS-6), oldest first.
    public var dissociationScores: [DissociationEntry]
    /// Interventions and adverse events, oldest first.
    public var interventions: [InterventionEntry]
    /// Discharge checklist entries as recorded, oldest first.
    public var checklist: [ChecklistEntry]
    /// The sign-off, if the session was signed.
    public var signature: SignatureBlock?
    /// Signed amendments made after sign-off, oldest first.
    public var amendments: [AmendmentEntry]
    /// The journal sequence numbers the report was built from (first...last).
    public var firstSequence: UInt64
    public var lastSequence: UInt64

    /// Whether any of the session's devices was simulated.
    public var hasSimulatedDevices: Bool { devices.contains(where: \.isSimulated) }

    /// The weight in force at the end (the last correction, else the admission weight).
    public var currentWeight: ReportedQuantity<Kilograms> {
        weights.last?.weight ?? ReportedQuantity(Kilograms(0))
    }
}

/// Where a session is in its record's life.
public enum SessionStatus: String, Codable, Hashable, Sendable {
    /// Admitted and not yet closed.
    case open
    /// Closed without a signature in the journal.
    case closed
    /// Signed off.
    case signed
}

/// The order, with the figures derived from it for this patient.
public struct OrderSummary: Hashable, Codable, Sendable {
    public var drugName: String
    /// Total dose per kg (0.5 mg/kg).
    public var dose: ReportedQuantity<MilligramsPerKilogram>
    /// Planned infusion time in seconds.
    public var durationSeconds: TimeInterval
    public var concentration: ReportedQuantity<MilligramsPerMilliliter>
    /// The constant rate that delivers the order.
    public var doseRate: ReportedQuantity<MilligramsPerKilogramPerHour>
    /// Planned total for the admission weight.
    public var plannedDose: ReportedQuantity<Milligrams>
    /// Pump flow for the ordered rate at the admission weight.
    public var plannedFlow: ReportedQuantity<MillilitersPerHour>
}

/// A weight with its date, and who changed it (nil: the admission weight).
public struct WeightEntry: Hashable, Codable, Sendable {
    public var weight: ReportedQuantity<Kilograms>
    public var measuredAt: Date
    /// When it was recorded (admission, or the correction's time).
    public var recordedAt: Date
    public var by: String?
}

/// One baseline vital at admission.
public struct BaselineValue: Hashable, Codable, Sendable {
    public var kind: VitalKind
    public var value: Double
    public var unit: String
}

/// A device that served the chair.
public struct DeviceEntry: Hashable, Codable, Sendable {
    public var id: DeviceID
    public var label: String
    public var kind: DeviceKind
    public var isSimulated: Bool
}
