public import Foundation

/// Why the station refused a sign-in or an action.
public enum AccessRefusal: Error, Hashable, Sendable {
    /// Unknown ID or wrong PIN: one message for both, so IDs cannot be guessed.
    case notRecognised(attemptsLeft: Int)
    /// The ID is locked after too many wrong PINs.
    case lockedOut(until: Date)
    /// Nobody is signed in.
    case notSignedIn
    /// Actions are locked after the idle timeout: the PIN is needed again.
    case idleLocked(UserID)
    /// The signed-in clinician's role may not do this.
    case roleRequired(ClinicianRole, DoseAction)

    /// What the screen says.
    public var message: String {
        switch self {
        case .notRecognised(let left):
            "ID or PIN not recognised (\(left) attempt\(left == 1 ? "" : "s") left before lockout)"
        case .lockedOut(let until):
            "ID locked after too many wrong PINs until \(until.formatted(.iso8601.time(includingFractionalSeconds: false)))"
        case .notSignedIn: "Sign in first (ID and PIN)"
        case .idleLocked(let user): "Locked after inactivity: \(user), enter your PIN"
        case .roleRequired(let role, let action): "Only a \(role.title.lowercased()) may \(action.phrase)"
        }
    }
}

/// What a sign-in or unlock did: the events to publish (journaled), and a refusal if it failed.
public struct AccessOutcome: Sendable {
    public var events: [ClinicEventPayload]
    public var refusal: AccessRefusal?
    public var isAccepted: Bool { refusal == nil }
}

/// Who may act at the station right now: pure, with time passed in (no clock reads).
///
/// Sign in with ID + PIN. After `maxFailedAttempts` wrong PINs in a row that ID is locked
/// for `lockoutDuration`. After `idleTimeout` without activity, actions lock until the same
/// clinician types the PIN again; the board keeps showing live data meanwhile. Every
/// change returns events for the app to publish, so each is journaled.
public struct Authenticator: Sendable {
    /// What the header shows.
    public enum Status: Hashable, Sendable {
        case signedOut
        case active(OperatorIdentity)
        case idleLocked(OperatorIdentity)
    }

    public let policy: AccessPolicy
    private let users: [UserID: UserAccount]
    private let verifier: any PINVerifying
    private var current: (identity: OperatorIdentity, lastActivity: Date, isLocked: Bool)?
    private var failures: [UserID: Int] = [:]
    private var lockouts: [UserID: Date] = [:]

    public init(users: [UserAccount], policy: AccessPolicy = AccessPolicy(), verifier: any PINVerifying) {
        self.users = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.policy = policy
        self.verifier = verifier
    }

    /// The state at `now` (an idle timeout that passed counts even before `expire` ran).
    public func status(at now: Date) -> Status {
        guard let current else { return .signedOut }
        return current.isLocked || isIdle(at: now) ? .idleLocked(current.identity) : .active(current.identity)
    }

    /// The clinician allowed to do `action` at `now`, or why not.
    public func authorize(_ action: DoseAction, at now: Date) -> Result<OperatorIdentity, AccessRefusal> {
        switch status(at: now) {
        case .signedOut: return .failure(.notSignedIn)
        case .idleLocked(let identity): return .failure(.idleLocked(identity.user))
        case .active(let identity):
            if let required = action.requiredRole, !identity.role.may(action) {
                return .failure(.roleRequired(required, action))
            }
            return .success(identity)
        }
    }

    /// Signs `user` in with `pin` (replacing whoever was signed in).
    public mutating func signIn(user: UserID, pin: String, at now: Date) -> AccessOutcome {
        var events = expire(at: now)
        if let refusal = checkLockout(user, at: now, events: &events) { return AccessOutcome(events: events, refusal: refusal) }
        guard let account = users[user], verifier.verify(pin, against: account.pinHash) else {
            let refusal = recordFailure(user, reason: users[user] == nil ? .unknownUser : .wrongPIN, at: now, events: &events)
            return AccessOutcome(events: events, refusal: refusal)
        }
        if let previous = current { events.append(.operatorSignedOut(OperatorSignOut(user: previous.identity.user, at: now))) }
        failures[user] = nil
        current = (account.identity, now, false)
        events.append(.operatorSignedIn(OperatorSignIn(identity: account.identity, at: now)))
        return AccessOutcome(events: events, refusal: nil)
    }

    /// Unlocks actions after an idle lock with the signed-in clinician's PIN.
    public mutating func unlock(pin: String, at now: Date) -> AccessOutcome {
        var events = expire(at: now)
        guard let locked = current else { return AccessOutcome(events: events, refusal: .notSignedIn) }
        let user = locked.identity.user
        if let refusal = checkLockout(user, at: now, events: &events) { return AccessOutcome(events: events, refusal: refusal) }
        guard let account = users[user], verifier.verify(pin, against: account.pinHash) else {
            let refusal = recordFailure(user, reason: .wrongPIN, at: now, events: &events)
            return AccessOutcome(events: events, refusal: refusal)
        }
        failures[user] = nil
        current = (locked.identity, now, false)
        if locked.isLocked { events.append(.operatorUnlocked(OperatorUnlock(user: user, reason: .pinEntered, at: now))) }
        return AccessOutcome(events: events, refusal: nil)
    }

    /// Signs the current clinician out.
    public mutating func signOut(at now: Date) -> [ClinicEventPayload] {
        guard let previous = current else { return [] }
        current = nil
        return [.operatorSignedOut(OperatorSignOut(user: previous.identity.user, at: now))]
    }

    /// A key press by the operator: resets the idle timer, unless it already ran out.
    public mutating func noteActivity(at now: Date) -> [ClinicEventPayload] {
        let events = expire(at: now)
        if let active = current, !active.isLocked, now > active.lastActivity { current?.lastActivity = now }
        return events
    }

    /// Locks idle actions and ends lockouts whose time has come; call every tick.
    public mutating func expire(at now: Date) -> [ClinicEventPayload] {
        var events: [ClinicEventPayload] = []
        if let active = current, !active.isLocked, isIdle(at: now) {
            current?.isLocked = true
            let lockedAt = active.lastActivity.addingTimeInterval(policy.idleTimeout)
            events.append(.operatorLocked(OperatorLock(user: active.identity.user, reason: .idle, until: nil, at: lockedAt)))
        }
        for (user, until) in lockouts.sorted(by: { $0.key < $1.key }) where until <= now {
            lockouts[user] = nil
            failures[user] = nil
            events.append(.operatorUnlocked(OperatorUnlock(user: user, reason: .lockoutExpired, at: until)))
        }
        return events
    }

    private func isIdle(at now: Date) -> Bool {
        guard let current else { return false }
        return now.timeIntervalSince(current.lastActivity) >= policy.idleTimeout
    }

    private mutating func checkLockout(_ user: UserID, at now: Date, events: inout [ClinicEventPayload]) -> AccessRefusal? {
        guard let until = lockouts[user], until > now else { return nil }
        events.append(.signInFailed(SignInFailure(user: user, reason: .locked, failedAttempts: failures[user] ?? 0, at: now)))
        return .lockedOut(until: until)
    }

    private mutating func recordFailure(
        _ user: UserID, reason: SignInFailure.Reason, at now: Date, events: inout [ClinicEventPayload]
    ) -> AccessRefusal {
        let count = (failures[user] ?? 0) + 1
        failures[user] = count
        events.append(.signInFailed(SignInFailure(user: user, reason: reason, failedAttempts: count, at: now)))
        guard count >= policy.maxFailedAttempts else {
            return .notRecognised(attemptsLeft: policy.maxFailedAttempts - count)
        }
        let until = now.addingTimeInterval(policy.lockoutDuration)
        lockouts[user] = until
        events.append(.operatorLocked(OperatorLock(user: user, reason: .tooManyFailures, until: until, at: now)))
        if current?.identity.user == user {
            current = nil
            events.append(.operatorSignedOut(OperatorSignOut(user: user, at: now)))
        }
        return .lockedOut(until: until)
    }
}
