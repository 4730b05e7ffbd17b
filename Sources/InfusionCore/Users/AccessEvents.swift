public import Foundation

// The records of sign-in events. Every sign-in, failure, lock and unlock is an event, so
// the journal holds who could act at the station and when (domain §6).

/// A clinician signed in with ID and PIN.
public struct OperatorSignIn: Hashable, Codable, Sendable {
    public var identity: OperatorIdentity
    public var at: Date
    public init(identity: OperatorIdentity, at: Date) {
        self.identity = identity
        self.at = at
    }
}

/// A sign-in or unlock was refused.
public struct SignInFailure: Hashable, Codable, Sendable {
    /// Why a sign-in failed. The screen says the same words for an unknown ID and a wrong PIN.
    public enum Reason: String, Hashable, Codable, Sendable {
        case unknownUser
        case wrongPIN
        /// The ID is locked after too many wrong PINs; the PIN was not even checked.
        case locked
    }

    /// The ID as typed (it may name no configured user).
    public var user: UserID
    public var reason: Reason
    /// Wrong PINs in a row for this ID, this one included.
    public var failedAttempts: Int
    public var at: Date
    public init(user: UserID, reason: Reason, failedAttempts: Int, at: Date) {
        self.user = user
        self.reason = reason
        self.failedAttempts = failedAttempts
        self.at = at
    }
}

/// Actions locked: the operator was idle, or an ID had too many wrong PINs.
public struct OperatorLock: Hashable, Codable, Sendable {
    public enum Reason: String, Hashable, Codable, Sendable {
        /// No key press for the idle timeout: the PIN is needed again (the board stays live).
        case idle
        /// Too many wrong PINs: the ID cannot sign in until `until`.
        case tooManyFailures
    }

    public var user: UserID
    public var reason: Reason
    /// When a lockout ends by itself (nil for an idle lock, which ends with the PIN).
    public var until: Date?
    public var at: Date
    public init(user: UserID, reason: Reason, until: Date?, at: Date) {
        self.user = user
        self.reason = reason
        self.until = until
        self.at = at
    }
}

/// A lock ended: the PIN was typed again after an idle lock, or a lockout ran out.
public struct OperatorUnlock: Hashable, Codable, Sendable {
    public enum Reason: String, Hashable, Codable, Sendable {
        case pinEntered
        case lockoutExpired
    }

    public var user: UserID
    public var reason: Reason
    public var at: Date
    public init(user: UserID, reason: Reason, at: Date) {
        self.user = user
        self.reason = reason
        self.at = at
    }
}

/// A clinician signed out (or another signed in in their place).
public struct OperatorSignOut: Hashable, Codable, Sendable {
    public var user: UserID
    public var at: Date
    public init(user: UserID, at: Date) {
        self.user = user
        self.at = at
    }
}
