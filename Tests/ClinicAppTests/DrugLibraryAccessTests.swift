@testable import ClinicApp
import Foundation
import InfusionCore
import Testing

/// `[[user]]`, `[access]` and the PBKDF2 PIN hashes they hold.
@Suite struct DrugLibraryAccessTests {
    static let users = """
        [access]
        max_failed_attempts = 3
        lockout = "10m"
        idle_timeout = "2m"

        [[user]]
        id = "dr.demo"
        name = "Dr. Demo Physician"
        role = "physician"
        pin_hash = "\(DemoUsers.physician.pinHash)"

        [[user]]
        id = "rn.demo"
        name = "Demo Nurse"
        role = "nurse"
        pin_hash = "\(DemoUsers.nurse.pinHash)"
        """

    func error(_ text: String) -> ConfigurationError? {
        do {
            _ = try UsersReader.parse(text, file: "clinic.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func readsUsersAndPolicy() throws {
        let settings = try UsersReader.parse(Self.users, file: "clinic.toml")
        #expect(settings.users == DemoUsers.all)
        #expect(settings.policy == AccessPolicy(maxFailedAttempts: 3, lockoutDuration: 600, idleTimeout: 120))
        #expect(try UsersReader.parse("", file: "clinic.toml").users.isEmpty)  // a real clinic has none unless added
    }

    @Test(arguments: [
        ("role = \"nurse\"", "role = \"admin\"", "user[2].role", "physician"),
        ("id = \"rn.demo\"", "id = \"dr.demo\"", "user[2].id", "used twice"),
        ("id = \"rn.demo\"", "id = \"rn demo\"", "user[2].id", "letters"),
        ("name = \"Demo Nurse\"", "name = \" \"", "user[2].name", "printed name"),
        ("lockout = \"10m\"", "lockout = \"never\"", "access.lockout", "duration"),
        ("max_failed_attempts = 3", "max_failed_attempts = 0", "access.max_failed_attempts", "1 to 20"),
    ])
    func badEntriesNameFileKeyAndReason(original: String, replacement: String, key: String, reason: String) throws {
        let failure = try #require(error(Self.users.replacingOccurrences(of: original, with: replacement)))
        #expect(failure.file == "clinic.toml" && failure.key == key)
        #expect(failure.reason.contains(reason), "\(failure)")
    }

    @Test func aPlainPINIsNeverAcceptedAsAHash() throws {
        let failure = try #require(error(Self.users.replacingOccurrences(of: DemoUsers.nurse.pinHash, with: "1357")))
        #expect(failure.key == "user[2].pin_hash")
        let weak = DemoUsers.nurse.pinHash.replacingOccurrences(of: "$210000$", with: "$1000$")
        #expect(error(Self.users.replacingOccurrences(of: DemoUsers.nurse.pinHash, with: weak))?.key == "user[2].pin_hash")
    }

    @Test func hashRoundTripAndWrongPIN() throws {
        let hasher = PINHasher()
        let hash = try hasher.hash("4826")
        let parts = hash.split(separator: "$")
        #expect(parts.count == 4 && parts[0] == "pbkdf2-sha256" && parts[1] == "210000")
        #expect(Data(base64Encoded: String(parts[2]))?.count == 16)
        #expect(hasher.verify("4826", against: hash))
        #expect(!hasher.verify("4827", against: hash))
        #expect(!hasher.verify("4826", against: "garbage"))
        #expect(try hasher.hash("4826") != hash)  // a fresh salt each time
    }

    @Test func demoUsersPINsVerify() {
        let hasher = PINHasher()
        #expect(hasher.verify("2468", against: DemoUsers.physician.pinHash))
        #expect(hasher.verify("1357", against: DemoUsers.nurse.pinHash))
        #expect(!hasher.verify("1357", against: DemoUsers.physician.pinHash))
    }

    @Test func pinRulesAndConstantTimeComparison() {
        #expect(PINHasher.isValidPIN("1234") && PINHasher.isValidPIN("12345678"))
        #expect(!PINHasher.isValidPIN("123") && !PINHasher.isValidPIN("123456789") && !PINHasher.isValidPIN("12a4"))
        #expect(PINHasher.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!PINHasher.constantTimeEquals([1, 2, 3], [1, 2, 4]) && !PINHasher.constantTimeEquals([1], [1, 2]))
    }
}
