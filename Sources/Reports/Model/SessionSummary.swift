public import Foundation
public import InfusionCore

/// One line of `infusion-central sessions`: a session's date, chair, patient, status, signer.
public struct SessionSummary: Hashable, Codable, Sendable {
    public var session: SessionID
    public var chair: ChairID
    public var patient: PatientIdentity
    public var admittedAt: Date
    public var closedAt: Date?
    public var status: SessionStatus
    /// The signer's printed name, when signed.
    public var signer: String?
}
