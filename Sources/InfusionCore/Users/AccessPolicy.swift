public import Foundation

/// Sign-in rules: lockout after failed PINs and the idle lock (clinic configuration, `[access]`).
public struct AccessPolicy: Hashable, Codable, Sendable {
    /// Wrong PINs in a row after which that ID is locked (5).
    public var maxFailedAttempts: Int
    /// How long an ID stays locked after too many wrong PINs, in seconds (5 min).
    public var lockoutDuration: TimeInterval
    /// Seconds without a key press after which actions lock and need the PIN again (5 min).
    /// The board keeps showing live data while locked.
    public var idleTimeout: TimeInterval

    public init(maxFailedAttempts: Int = 5, lockoutDuration: TimeInterval = 300, idleTimeout: TimeInterval = 300) {
        self.maxFailedAttempts = maxFailedAttempts
        self.lockoutDuration = lockoutDuration
        self.idleTimeout = idleTimeout
    }
}

/// An operator action that needs a signed-in clinician, for the role check.
public enum DoseAction: String, Hashable, Codable, Sendable, CaseIterable {
    case increaseRate
    case decreaseRate
    case resume
    case pause
    case stop
    case changeWeight

    /// The role needed: rate changes (a typed new rate, a step either way), restarts and
    /// weight changes (they reprogram mL/h) need a physician; pause and stop make the pump
    /// safe and are open to any signed-in clinician.
    public var requiredRole: ClinicianRole? {
        switch self {
        case .pause, .stop: nil
        case .increaseRate, .decreaseRate, .resume, .changeWeight: .physician
        }
    }

    /// Words for a refusal (`raise the rate`).
    public var phrase: String {
        switch self {
        case .increaseRate: "raise the rate"
        case .decreaseRate: "change the rate"
        case .resume: "restart the infusion"
        case .pause: "pause the infusion"
        case .stop: "stop the infusion"
        case .changeWeight: "change the weight"
        }
    }
}

extension ClinicianRole {
    /// Whether this role may perform `action`.
    public func may(_ action: DoseAction) -> Bool {
        guard let required = action.requiredRole else { return true }
        return self == required
    }
}
