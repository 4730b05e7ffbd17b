public import Foundation

/// A patient admitted to a chair: identity, weight and order, as one event.
public struct SessionStart: Hashable, Codable, Sendable {
    public var session: SessionID
    public var chair: ChairID
    public var patient: PatientIdentity
    public var weight: Kilograms
    /// When the weight was measured (weights are dated, never estimated).
    public var weighedAt: Date
    public var order: InfusionOrder
    /// Baseline vitals at admission, keyed by kind.
    public var baseline: [VitalKind: Double]
    public var admittedAt: Date
    /// Who admitted the patient (nil in journals written before admission recorded it,
    /// and for the demo clinic's automatic admissions).
    public var admittedBy: OperatorIdentity?
    /// The reason given to go on although baseline BP was above the clinic's delay
    /// threshold (nil when it was not, or in older journals).
    public var baselineWarningReason: String?

    public init(
        session: SessionID, chair: ChairID, patient: PatientIdentity, weight: Kilograms, weighedAt: Date,
        order: InfusionOrder, baseline: [VitalKind: Double], admittedAt: Date,
        admittedBy: OperatorIdentity? = nil, baselineWarningReason: String? = nil
    ) {
        self.session = session
        self.chair = chair
        self.patient = patient
        self.weight = weight
        self.weighedAt = weighedAt
        self.order = order
        self.baseline = baseline
        self.admittedAt = admittedAt
        self.admittedBy = admittedBy
        self.baselineWarningReason = baselineWarningReason
    }
}
