public import Foundation

/// The canonical record of one session: what a physician's signature signs.
///
/// Built purely from a ``ClinicState`` (replayed through the signature's
/// `recordThroughSequence`), so `audit verify` can rebuild it from the journal and compare
/// its SHA-256 with the one the signature stored. It holds only data that comes from
/// journaled discrete events the bus never coalesces (admission, pump reports, orders,
/// alarm events, clinical entries), never live vitals readings or trends: the station's
/// model and a journal replay therefore agree on it byte for byte. Nothing in it is a
/// dictionary (their order is not stable across runs): lists are in a fixed order.
public struct SessionRecord: Hashable, Codable, Sendable {
    /// The layout version; a change of fields is a new version, so old signatures stay checkable.
    public static let currentFormat = 1

    public var format: Int
    public var session: SessionID
    public var chair: ChairID
    public var chairLabel: String
    public var patient: PatientIdentity
    public var admittedAt: Date
    public var admittedBy: OperatorIdentity?
    public var baselineWarningReason: String?
    /// The weight at admission (before any correction in `weightChanges`).
    public var admissionWeight: Kilograms
    /// The current weight (after any corrections), and when it was measured.
    public var weight: Kilograms
    public var weighedAt: Date
    public var order: InfusionOrder
    /// Planned total for the current weight.
    public var plannedDose: Milligrams
    /// The chair's monitor and pump, by kind.
    public var devices: [RecordedDevice]
    /// Baseline vitals in `VitalKind` order.
    public var baseline: [RecordedVital]
    public var phase: SessionPhase
    public var phases: [PhaseEntry]
    public var infusionStartedAt: Date?
    public var infusionEndedAt: Date?
    /// Pump running time accumulated up to the last report that stopped it, in seconds.
    public var infusionTime: TimeInterval
    /// Dose and volume given: the integral of the reported rate.
    public var doseGiven: Milligrams
    public var volumeGiven: Milliliters
    public var resumedAfterGap: TimeInterval?
    public var rateChanges: [RateChangeOrder]
    public var infusionControls: [InfusionControlOrder]
    public var weightChanges: [WeightChange]
    public var alarms: [SessionAlarmEpisode]
    public var dissociationScores: [DissociationScoring]
    public var interventions: [InterventionRecord]
    public var checklist: [DischargeItemRecord]

    /// The record of the open session `id` in `state`, or nil when no chair has it open.
    public init?(session id: SessionID, in state: ClinicState) {
        guard let chair = state.chairs.first(where: { $0.session?.id == id }), let session = chair.session else { return nil }
        self.init(session: session, chair: chair, devices: state.devices)
    }

    /// The record of `session` in `chair`; `devices` names the chair's devices.
    public init(session: SessionState, chair: ChairState, devices: [DeviceID: DeviceDescriptor]) {
        let start = session.start
        format = Self.currentFormat
        self.session = session.id
        self.chair = chair.id
        chairLabel = chair.label
        patient = start.patient
        admittedAt = start.admittedAt
        admittedBy = start.admittedBy
        baselineWarningReason = start.baselineWarningReason
        admissionWeight = session.weightChanges.first?.oldWeight ?? start.weight
        weight = start.weight
        weighedAt = start.weighedAt
        order = start.order
        plannedDose = session.plannedDose
        self.devices = chair.devices.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, id in
            RecordedDevice(kind: kind, id: id, label: devices[id]?.label ?? id.rawValue, isSimulated: devices[id]?.isSimulated ?? false)
        }
        baseline = start.baseline.sorted { $0.key < $1.key }.map { RecordedVital(kind: $0.key, value: $0.value) }
        phase = session.phase
        phases = session.phaseHistory
        infusionStartedAt = session.infusionStartedAt
        infusionEndedAt = session.infusionEndedAt
        infusionTime = session.accumulatedInfusionTime
        doseGiven = session.doseGiven
        volumeGiven = session.volumeGiven
        resumedAfterGap = session.resumedAfterGap
        rateChanges = session.rateChanges
        infusionControls = session.infusionControls
        weightChanges = session.weightChanges
        alarms = session.alarmEpisodes
        dissociationScores = session.dissociationScores
        interventions = session.interventions
        checklist = session.dischargeItems
    }
}

/// A device as the record names it.
public struct RecordedDevice: Hashable, Codable, Sendable {
    public var kind: DeviceKind
    public var id: DeviceID
    public var label: String
    public var isSimulated: Bool
}

/// One vital value in a record (baseline).
public struct RecordedVital: Hashable, Codable, Sendable {
    public var kind: VitalKind
    public var value: Double
}
