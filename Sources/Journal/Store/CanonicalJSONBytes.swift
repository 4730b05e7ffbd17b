/// The byte-level spellings of JSON scalars in the journal's canonical form, written
/// straight into a caller's buffer (no intermediate `String`), shared by
/// `CanonicalJSONWriter` and the vitals fast path (`VitalsJSON`).
///
/// Each function writes exactly what swift-foundation's `JSONEncoder` writes with
/// `PayloadCoding.makeEncoder()`'s settings; `CanonicalJSONTests` checks them byte for byte.
enum CanonicalJSONBytes {
    /// A JSON string: `"` and `\` escaped, `\b \f \n \r \t`, other C0 controls as
    /// `\u00xx` (lower-case hex), `/` and everything else (DEL, non-ASCII) as is.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in
            var mark = 0
            for index in source.indices {
                let byte = source[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if index > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[mark..<index])) }
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
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(hexDigit(byte >> 4))
                    bytes.append(hexDigit(byte & 0x0F))
                }
            }
            if source.count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[mark...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Raw ASCII that needs no escaping (keys known to be plain, literals).
    static func appendASCII(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A magnitude in decimal digits, most significant first.
    static func appendDigits(_ value: UInt64, to bytes: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            } while remaining > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// A signed integer as its `description`.
    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, to: &bytes)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
