public import Foundation

/// A physician's electronic signature on a session record (domain §6, after 21 CFR Part 11).
///
/// It names the signer (ID, printed name, role), the meaning, and the time, and binds
/// itself to one exact record: `recordHash` is the SHA-256 (lower-case hex) of the
/// canonical JSON of the record it signs. For the discharge sign-off (`amends == nil`)
/// that record is ``SessionRecord`` built from the clinic state replayed through
/// `recordThroughSequence`. For an amendment's signature (`amends` set) it is the
/// ``SessionAmendmentRecord`` of the `.sessionAmended` event at sequence `amends`, and
/// `recordThroughSequence` equals `amends`. `audit verify` rebuilds both and compares.
public struct SessionSignature: Hashable, Codable, Sendable {
    /// The meaning of the discharge sign-off.
    public static let dischargeMeaning = "Reviewed and approved for discharge"
    /// The meaning of an amendment's signature.
    public static let amendmentMeaning = "Amendment reviewed and approved"

    public var chair: ChairID
    public var session: SessionID
    /// Who signed: ID, printed name and role (never the PIN hash).
    public var signer: OperatorIdentity
    /// What the signature means, shown and stored verbatim.
    public var meaning: String
    public var at: Date
    /// The last journal sequence the signed record includes.
    public var recordThroughSequence: UInt64
    /// SHA-256 of the canonical JSON of the signed record, lower-case hex (64 characters).
    public var recordHash: String
    /// For an amendment's signature: the sequence of the `.sessionAmended` event it signs.
    public var amends: UInt64?

    public init(
        chair: ChairID, session: SessionID, signer: OperatorIdentity, meaning: String = Self.dischargeMeaning, at: Date,
        recordThroughSequence: UInt64, recordHash: String, amends: UInt64? = nil
    ) {
        self.chair = chair
        self.session = session
        self.signer = signer
        self.meaning = meaning
        self.at = at
        self.recordThroughSequence = recordThroughSequence
        self.recordHash = recordHash
        self.amends = amends
    }

    /// Whether this signs an amendment rather than the discharge record.
    public var isAmendmentSignature: Bool { amends != nil }
}

/// A correction to a signed session: a linked addendum, never an edit of the record.
///
/// It names the signature it amends (`signatureSequence`, the journal sequence of a
/// `.sessionSigned` event of the same session) and is followed by its own
/// ``SessionSignature`` with `amends` set to this event's sequence.
public struct SessionAmendment: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    /// The correction, in words (`Escort was J. Smith, not J. Smyth`).
    public var text: String
    public var by: OperatorIdentity
    public var at: Date
    /// The journal sequence of the signature this amendment corrects.
    public var signatureSequence: UInt64

    public init(chair: ChairID, session: SessionID, text: String, by: OperatorIdentity, at: Date, signatureSequence: UInt64) {
        self.chair = chair
        self.session = session
        self.text = text
        self.by = by
        self.at = at
        self.signatureSequence = signatureSequence
    }
}

/// The record an amendment's signature signs: the amendment itself, linked to the
/// signature it corrects by that signature's sequence and record hash, so the chain
/// original record → signature → amendment → amendment signature is checkable from the
/// journal alone (the closed session is no longer in the clinic state).
public struct SessionAmendmentRecord: Hashable, Codable, Sendable {
    public var session: SessionID
    public var chair: ChairID
    /// The journal sequence of the `.sessionAmended` event.
    public var amendmentSequence: UInt64
    public var text: String
    public var by: OperatorIdentity
    public var at: Date
    /// The amended signature's journal sequence and record hash.
    public var amendedSignatureSequence: UInt64
    public var amendedRecordHash: String

    /// Builds the record of `amendment` (journaled at `sequence`) amending `original`.
    public init(amendment: SessionAmendment, sequence: UInt64, amending original: SessionSignature) {
        session = amendment.session
        chair = amendment.chair
        amendmentSequence = sequence
        text = amendment.text
        by = amendment.by
        at = amendment.at
        amendedSignatureSequence = amendment.signatureSequence
        amendedRecordHash = original.recordHash
    }
}
