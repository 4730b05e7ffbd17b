public import Foundation

/// A dissociation score (CADSS-6: six items scored 0–4, total 0–24).
public struct DissociationEntry: Hashable, Codable, Sendable {
    public var at: Date
    public var by: String
    /// Item scores in the scale's order.
    public var items: [Int]
    public var total: Int
}

/// An intervention or adverse event (antiemetic, antihypertensive, oxygen, other).
public struct InterventionEntry: Hashable, Codable, Sendable {
    public var at: Date
    public var by: String
    /// The kind in words (`Antiemetic`).
    public var kind: String
    /// What was given or seen, as recorded.
    public var detail: String
    /// Whether it records an adverse event rather than only a treatment given.
    public var isAdverseEvent: Bool
}

/// One discharge checklist item as recorded.
public struct ChecklistEntry: Hashable, Codable, Sendable {
    public var at: Date
    public var by: String
    /// The item (`Modified Aldrete score`, `IV removed`).
    public var item: String
    /// What was recorded (`9/10`, `yes`, the escort's name).
    public var result: String
    /// Whether the item passes the discharge rule.
    public var isMet: Bool
}

/// The sign-off: who, when, meaning, the record hash it binds, and whether it still verifies.
public struct SignatureBlock: Hashable, Codable, Sendable {
    public var signerID: String
    /// The printed name shown and recorded at sign-off.
    public var signerName: String
    /// "Reviewed and approved for discharge".
    public var meaning: String
    public var at: Date
    /// SHA-256 (hex) of the canonical session record the signature binds.
    public var recordHash: String
    /// The last journal sequence the signed record covers.
    public var recordThroughSequence: UInt64
    /// The journal sequence of the signature itself.
    public var sequence: UInt64
    /// Whether the record in the journal still hashes to `recordHash` now.
    public var verifies: Bool
    /// Why it does not verify, when it does not.
    public var problem: String?
}

/// A signed correction made after sign-off.
public struct AmendmentEntry: Hashable, Codable, Sendable {
    public var at: Date
    public var by: String
    /// What was corrected and why, as recorded.
    public var text: String
    /// The journal sequence of the amendment.
    public var sequence: UInt64
    /// The amendment's own signature (printed name), when signed.
    public var signedBy: String?
    public var signedAt: Date?
    /// The journal sequence of the amendment's signature, when signed.
    public var signatureSequence: UInt64?
    /// Whether the amendment's signature verifies (nil while unsigned).
    public var signatureVerifies: Bool?
}
