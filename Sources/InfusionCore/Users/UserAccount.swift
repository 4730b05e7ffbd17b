/// A clinician's sign-in ID (`dr.demo`), as configured in `[[user]]`.
public struct UserID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a clinician may do at the station.
///
/// Only a physician changes doses (rate increases, new rates, restarts, weight changes that
/// reprogram the pump); any signed-in clinician may make the pump safe (pause, stop).
public enum ClinicianRole: String, Hashable, Codable, Sendable, CaseIterable {
    case physician
    case nurse

    /// `Physician` or `Nurse`, for messages.
    public var title: String { self == .physician ? "Physician" : "Nurse" }
}

/// One user of the station, as configured. The PIN is stored only as a salted KDF hash.
public struct UserAccount: Hashable, Codable, Sendable {
    public var id: UserID
    /// The name printed on records and sign-offs (`Dr. A. Demo`).
    public var printedName: String
    public var role: ClinicianRole
    /// The PIN's hash in the PHC-like form `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
    public var pinHash: String

    public init(id: UserID, printedName: String, role: ClinicianRole, pinHash: String) {
        self.id = id
        self.printedName = printedName
        self.role = role
        self.pinHash = pinHash
    }

    /// Who this user is on events, without the hash.
    public var identity: OperatorIdentity { OperatorIdentity(user: id, printedName: printedName, role: role) }
}

/// The signed-in clinician an intent or event is attributed to (never carries the PIN hash).
public struct OperatorIdentity: Hashable, Codable, Sendable, CustomStringConvertible {
    public var user: UserID
    public var printedName: String
    public var role: ClinicianRole

    public init(user: UserID, printedName: String, role: ClinicianRole) {
        self.user = user
        self.printedName = printedName
        self.role = role
    }

    /// `dr.demo (Dr. A. Demo, Physician)`.
    public var description: String { "\(user) (\(printedName), \(role.title))" }
}

/// Checks a typed PIN against a stored hash. InfusionCore has no cryptography of its own:
/// the app injects the real KDF (`PINHasher` in ClinicApp); tests inject a fake.
public protocol PINVerifying: Sendable {
    /// Whether `pin` matches `hash`; must compare in constant time and never throw.
    func verify(_ pin: String, against hash: String) -> Bool
}
