import Crypto
import Foundation
public import InfusionCore
import _CryptoExtras

/// Hashes and verifies PINs with PBKDF2-HMAC-SHA256 (swift-crypto), the only form PINs are stored in.
///
/// Format: `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>`, with a random 16-byte
/// salt and a 32-byte hash. Verification recomputes with the stored salt and iterations and
/// compares in constant time. A 4–8 digit PIN has little entropy, so the real protection is
/// the lockout after 5 wrong PINs and keeping the config file readable by the station only;
/// the KDF makes an offline guess cost ~210,000 hash rounds per PIN.
public struct PINHasher: PINVerifying {
    /// OWASP's floor for PBKDF2-HMAC-SHA256 (and swift-crypto's minimum).
    public static let defaultIterations = 210_000
    static let scheme = "pbkdf2-sha256"
    static let saltByteCount = 16
    static let hashByteCount = 32

    public init() {}

    /// Whether `pin` is 4 to 8 ASCII digits (the only PINs accepted).
    public static func isValidPIN(_ pin: String) -> Bool {
        (4...8).contains(pin.count) && pin.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A new hash of `pin` with a fresh random salt.
    public func hash(_ pin: String, iterations: Int = PINHasher.defaultIterations) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try Self.derive(pin, salt: salt, iterations: iterations)
        return "\(Self.scheme)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    public func verify(_ pin: String, against stored: String) -> Bool {
        guard let parsed = Self.parse(stored),
            let derived = try? Self.derive(pin, salt: parsed.salt, iterations: parsed.iterations)
        else { return false }
        return Self.constantTimeEquals(derived, parsed.hash)
    }

    /// Whether `stored` is a hash in the expected format (for the config reader).
    public static func isWellFormed(_ stored: String) -> Bool { parse(stored) != nil }

    static func parse(_ stored: String) -> (iterations: Int, salt: [UInt8], hash: [UInt8])? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let iterations = Int(parts[1]), iterations >= defaultIterations,
            let salt = Data(base64Encoded: String(parts[2])), salt.count >= saltByteCount,
            let hash = Data(base64Encoded: String(parts[3])), hash.count == hashByteCount
        else { return nil }
        return (iterations, Array(salt), Array(hash))
    }

    private static func derive(_ pin: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(pin.utf8), salt: salt, using: .sha256, outputByteCount: hashByteCount, rounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Compares every byte whatever the first difference, so timing does not reveal how much matched.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
