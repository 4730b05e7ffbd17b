import Foundation
import InfusionCore

/// The journal's fast JSON encoder: the bytes of `PayloadCoding.makeEncoder()` (Foundation's
/// `JSONEncoder`, keys sorted, slashes unescaped, dates as reference-date seconds, non-finite
/// numbers as strings) at a fraction of the cost, so the batched write path meets its
/// budget (docs/benchmarks.md, "Journal").
///
/// Why byte-identical and not just "equivalent JSON": the payload is hashed as stored
/// (`ChainHash`), so a different spelling of the same value would be a different record.
/// Objects are written in encoding order and reordered in place when they close; keys are
/// sorted by their UTF-8 bytes, as swift-foundation's `JSONWriter` does off Apple platforms.
///
/// Corners it does not reproduce make it hand the whole value to `JSONEncoder` instead:
/// `superEncoder`, a key written twice in one object, writing through a container after a
/// sibling value was started in an enclosing one, or any error thrown while encoding
/// (`JSONEncoder` then throws its own error). `codingPath` is always empty (the journal's
/// types never read it). Not thread-safe: it reuses its buffers; one per writer.
final class CanonicalJSONEncoder {
    private let writer = CanonicalJSONWriter()
    private lazy var fallback = PayloadCoding.makeEncoder()

    /// How many values went to `JSONEncoder` (for tests and diagnostics).
    private(set) var fallbackCount = 0

    init() {}

    /// The JSON of `value`, identical to `PayloadCoding.makeEncoder().encode(value)`.
    func encode<T: Encodable>(_ value: T) throws -> Data {
        if let bytes = writer.encodeTopLevel(value) {
            return Data(bytes)
        }
        fallbackCount += 1
        return try fallback.encode(value)
    }

    /// Appends the JSON of `payload` to `bytes` (the writer's reusable buffer): the same
    /// bytes as ``encode(_:)``, with vitals written by `VitalsJSON` (no `Codable` calls).
    func append(_ payload: ClinicEventPayload, to bytes: inout [UInt8]) throws {
        if case .vitalsObserved(let observation) = payload, VitalsJSON.isUsable {
            VitalsJSON.write(observation, to: &bytes)
        } else if let encoded = writer.encodeTopLevel(payload) {
            bytes.append(contentsOf: encoded)
        } else {
            fallbackCount += 1
            bytes.append(contentsOf: try fallback.encode(payload))
        }
    }
}

extension CanonicalJSONWriter {
    /// The bytes of `value`, or nil when the fast path cannot vouch for them.
    func encodeTopLevel<T: Encodable>(_ value: T) -> [UInt8]? {
        reset()
        do {
            if !writeSpecial(value) {
                let slot = beginSlot()
                try value.encode(to: CanonicalJSONSlotEncoder(writer: self, slot: slot))
                // A top-level value that wrote nothing is an error for JSONEncoder.
                guard endSlot(slot, emptyValue: nil) else { return nil }
            }
        } catch {
            return nil
        }
        return isUnsupported ? nil : bytes
    }

    /// Writes `value` where a value is expected (after a key, in an array, or in a single
    /// value container).
    func writeValue<T: Encodable>(_ value: T) throws {
        if writeSpecial(value) { return }
        let slot = beginSlot()
        try value.encode(to: CanonicalJSONSlotEncoder(writer: self, slot: slot))
        // JSONEncoder writes a value that encoded nothing as an empty object.
        _ = endSlot(slot, emptyValue: "{}")
    }

    /// The types `JSONEncoder` special-cases whatever their own `encode(to:)` does.
    private func writeSpecial<T: Encodable>(_ value: T) -> Bool {
        if T.self == Double.self {
            write(value as! Double)
        } else if T.self == String.self {
            write(value as! String)
        } else if T.self == Date.self {
            // `.deferredToDate`: Date encodes its reference-date seconds as a Double.
            write((value as! Date).timeIntervalSinceReferenceDate)
        } else if T.self == Int.self {
            writeInteger(value as! Int)
        } else if T.self == Bool.self {
            write(value as! Bool)
        } else if T.self == Data.self {
            write((value as! Data).base64EncodedString())  // `.base64`, the default
        } else if T.self == URL.self {
            write((value as! URL).absoluteString)
        } else if T.self == Decimal.self {
            append((value as! Decimal).description)
        } else {
            return false
        }
        return true
    }
}
