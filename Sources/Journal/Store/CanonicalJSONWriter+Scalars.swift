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
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// Finite numbers as Swift's shortest round-trip `description` minus a trailing
    /// `.0` (`36.8`, `37`, `1e-07`, `1e+21`, `-0`); non-finite ones as the strings
    /// `PayloadCoding` configures.
    func write(_ value: Double) {
        guard value.isFinite else {
            writeNonFinite(isNaN: value.isNaN, isNegative: value < 0)
            return
        }
        appendTrimmingPointZero(value.description)
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

    /// A JSON string: `"` and `\` escaped, `\b \f \n \r \t`, other C0 controls as
    /// `\u00xx` (lower-case hex), `/` and everything else (DEL, non-ASCII) as is.
    func write(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in
            var mark = 0
            for index in source.indices {
                let byte = source[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if index > mark { bytes.append(contentsOf: source[mark..<index]) }
                mark = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    append("u00")
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 0x0F))
                }
            }
            if source.count > mark { bytes.append(contentsOf: source[mark...]) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
