public import InfusionCore

/// A signature as the journal holds it: the event's sequence and its payload.
public struct JournaledSignature: Sendable, Equatable {
    public var sequence: UInt64
    public var signature: SessionSignature
}

/// An amendment as the journal holds it, with its own signature if one follows it.
public struct JournaledAmendment: Sendable, Equatable {
    public var sequence: UInt64
    public var amendment: SessionAmendment
    /// The signature whose `amends` is this amendment's sequence (nil: not signed yet).
    public var signature: JournaledSignature?
}

/// The result of checking one signature against the record rebuilt from the journal.
public struct SignatureCheck: Sendable, Equatable {
    public var signature: JournaledSignature
    /// The hash of the record rebuilt from the journal (nil when it could not be rebuilt).
    public var rebuiltHash: String?
    /// Why the binding is broken, or nil when the rebuilt record has the signed hash.
    public var problem: String?

    /// Whether the signature is bound to the record the journal holds.
    public var isValid: Bool { problem == nil }

    /// One line for a person: `signature at 812 (S-1, dr.demo): record hash differs ...`.
    public var summary: String {
        let head = "signature at \(signature.sequence) (\(signature.signature.session), \(signature.signature.signer.user))"
        return problem.map { "\(head): \($0)" } ?? "\(head): OK"
    }
}

/// Every signature in a journal checked against its rebuilt record.
public struct SignatureReport: Sendable, Equatable {
    /// Every signature, in journal order, with its result.
    public var checks: [SignatureCheck] = []

    /// The checks that failed.
    public var broken: [SignatureCheck] { checks.filter { !$0.isValid } }

    /// Whether every signature verifies (true for a journal without signatures).
    public var isIntact: Bool { checks.allSatisfy(\.isValid) }

    /// The check of the signature journaled at `sequence`.
    public func check(at sequence: UInt64) -> SignatureCheck? { checks.first { $0.signature.sequence == sequence } }
}
