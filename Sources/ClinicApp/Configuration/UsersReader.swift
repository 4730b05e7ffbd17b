import Foundation
public import InfusionCore
import TOMLKit

/// The users of the station and the sign-in rules, from the clinic file.
public struct AccessSettings: Equatable, Sendable {
    public var users: [UserAccount]
    public var policy: AccessPolicy

    public init(users: [UserAccount] = [], policy: AccessPolicy = AccessPolicy()) {
        self.users = users
        self.policy = policy
    }

    /// The demo clinic's: `dr.demo` (physician, PIN 2468) and `rn.demo` (nurse, PIN 1357).
    public static let demo = AccessSettings(users: DemoUsers.all)
}

/// Reads `[[user]]` and `[access]`. Entries come from `infusion-central user add`.
///
/// ```toml
/// [access]
/// max_failed_attempts = 5
/// lockout = "5m"
/// idle_timeout = "5m"
///
/// [[user]]
/// id = "dr.lee"
/// name = "Dr. Sam Lee"
/// role = "physician"          # or "nurse"
/// pin_hash = "pbkdf2-sha256$210000$...$..."
/// ```
enum UsersReader {
    static func read(_ root: TOMLTable, reader: inout TableReader) throws(ConfigurationError) -> AccessSettings {
        var settings = AccessSettings()
        if let table = try reader.table("access", in: root, path: nil) {
            let path = "access"
            try reader.allowOnly(["max_failed_attempts", "lockout", "idle_timeout"], in: table, path: path)
            if let count = try reader.integer("max_failed_attempts", in: table, path: path) {
                guard (1...20).contains(count) else {
                    throw ConfigurationError(file: reader.file, key: "\(path).max_failed_attempts", reason: "must be 1 to 20")
                }
                settings.policy.maxFailedAttempts = count
            }
            settings.policy.lockoutDuration = try reader.duration("lockout", in: table, path: path) ?? settings.policy.lockoutDuration
            settings.policy.idleTimeout = try reader.duration("idle_timeout", in: table, path: path) ?? settings.policy.idleTimeout
        }
        var seen = Set<String>()
        for (index, entry) in try reader.tables("user", in: root).enumerated() {
            let user = try readUser(entry, path: "user[\(index + 1)]", reader: &reader)
            guard seen.insert(user.id.rawValue.lowercased()).inserted else {
                throw ConfigurationError(file: reader.file, key: "user[\(index + 1)].id", reason: "user id '\(user.id)' is used twice")
            }
            settings.users.append(user)
        }
        return settings
    }

    /// Parses a whole TOML text for its user keys only (tests).
    static func parse(_ text: String, file: String) throws(ConfigurationError) -> AccessSettings {
        var reader = TableReader(file: file)
        return try read(try TOMLDocument.table(text, file: file), reader: &reader)
    }

    /// Whether `id` is 2–32 letters, digits, '.', '-' or '_' (what `user add` accepts too).
    static func isValidID(_ id: String) -> Bool {
        (2...32).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    private static func readUser(_ table: TOMLTable, path: String, reader: inout TableReader) throws(ConfigurationError) -> UserAccount {
        try reader.allowOnly(["id", "name", "role", "pin_hash"], in: table, path: path)
        guard let id = try reader.string("id", in: table, path: path), isValidID(id) else {
            throw ConfigurationError(file: reader.file, key: "\(path).id", reason: "must be 2-32 letters, digits, '.', '-' or '_'")
        }
        guard let name = try reader.string("name", in: table, path: path), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConfigurationError(file: reader.file, key: "\(path).name", reason: "the printed name is required")
        }
        guard let roleText = try reader.string("role", in: table, path: path), let role = ClinicianRole(rawValue: roleText) else {
            throw ConfigurationError(file: reader.file, key: "\(path).role", reason: "must be \"physician\" or \"nurse\"")
        }
        guard let hash = try reader.string("pin_hash", in: table, path: path) else {
            throw ConfigurationError(file: reader.file, key: "\(path).pin_hash", reason: "is required (make one with `infusion-central user add`)")
        }
        guard PINHasher.isWellFormed(hash) else {
            throw ConfigurationError(
                file: reader.file, key: "\(path).pin_hash",
                reason: "must be \"pbkdf2-sha256$<iterations >= 210000>$<salt>$<hash>\" (never a plain PIN)")
        }
        return UserAccount(id: UserID(id), printedName: name, role: role, pinHash: hash)
    }
}
