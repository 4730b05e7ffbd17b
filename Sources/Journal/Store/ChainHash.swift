import Crypto
public import Foundation

/// The journal's hash chain: each record's hash covers the previous record's hash and the
/// record's own canonical content, so editing, deleting or reordering a record breaks it.
///
/// `hash = SHA-256(previousHash || canonicalContent)`, where `previousHash` is the 32 bytes
/// of the previous record's hash (32 zero bytes before the first record) and
/// `canonicalContent` is, with no separators:
/// - the sequence number as 8 bytes, unsigned big-endian;
/// - the receipt time (the `received_at` column: seconds since 2001-01-01T00:00:00Z) as
///   the 8 bytes of its IEEE-754 binary64 bit pattern, big-endian;
/// - the payload exactly as stored in the `payload` column, as UTF-8 bytes.
///
/// The payload is hashed as stored, not re-encoded, so an auditor can recompute the chain
/// from the table alone (docs/journal.md shows it in a few lines of Python).
public enum ChainHash {
    /// The previous hash of the first record: 32 zero bytes.
    public static let genesis = Data(repeating: 0, count: 32)

    /// The hash of one record given the hash of the record before it.
    public static func hash(previous: Data, sequence: UInt64, receivedAt: Double, payload: Data) -> Data {
        payload.withUnsafeBytes { hash(previous: previous, sequence: sequence, receivedAt: receivedAt, payloadBytes: $0) }
    }

    /// The same, over the payload's UTF-8 bytes in a buffer (the writer's, without a `Data` copy).
    static func hash(previous: Data, sequence: UInt64, receivedAt: Double, payloadBytes: UnsafeRawBufferPointer) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        withUnsafeBytes(of: sequence.bigEndian) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: receivedAt.bitPattern.bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: payloadBytes)
        return hasher.finalize().withUnsafeBytes { Data($0) }
    }

    /// Lower-case hexadecimal, for reports.
    public static func hex(_ hash: Data) -> String {
        hash.map { String(format: "%02x", $0) }.joined()
    }
}
