import Foundation

/// Scalars exactly as swift-foundation's `JSONEncoder` spells them with the journal's
/// settings (`PayloadCoding.makeEncoder()`).
extension CanonicalJSONWriter {
    /// Raw bytes (numbers, literals) that need no escaping.
    func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    func write(_ value: Bool) {
        append(value ? "true" : "false")
    }

    /// Integers as their `description` (JSONEncoder's `.number(value.description)`).
    func writeInteger<T: FixedWidthInteger>(_ value: T) {
        if let small = Int64(exactly: value) {
            writeDecimalDigits(small)
        } else {
            append(value.description)
        }
    }

    private func writeDecimalDigits(_ value: Int64) {
        CanonicalJSONBytes.appendInteger(value, to: &bytes)
    }

    /// Finite numbers as Swift's shortest round-trip `description` minus a trailing
    /// `.0` (`36.8`, `37`, `1e-07`, `1e+21`, `-0`); non-finite ones as the strings
    /// `PayloadCoding` configures.
    func write(_ value: Double) {
        guard value.isFinite else {
            writeNonFinite(isNaN: value.isNaN, isNegative: value < 0)
            return
        }
        CanonicalDouble.append(value, to: &bytes)
    }

    func write(_ value: Float) {
        guard value.isFinite else {
            writeNonFinite(isNaN: value.isNaN, isNegative: value < 0)
            return
        }
        appendTrimmingPointZero(value.description)
    }

    private func writeNonFinite(isNaN: Bool, isNegative: Bool) {
        if isNaN {
            write(PayloadCoding.nanString)
        } else {
            write(isNegative ? PayloadCoding.negativeInfinityString : PayloadCoding.positiveInfinityString)
        }
    }

    private func appendTrimmingPointZero(_ text: String) {
        let utf8 = text.utf8
        if text.hasSuffix(".0") {
            bytes.append(contentsOf: utf8.dropLast(2))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// A JSON string (`CanonicalJSONBytes.appendString`).
    func write(_ text: String) {
        CanonicalJSONBytes.appendString(text, to: &bytes)
    }
}
