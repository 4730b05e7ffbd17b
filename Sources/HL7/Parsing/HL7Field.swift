/// A field, component or subcomponent of a message: a view into the message's bytes.
///
/// Nothing is copied or decoded until `text`, `integer` or `decimal` is asked for.
/// Numbering is HL7's, 1-based. A component or repetition that is not there reads as
/// empty, as HL7 says an absent value is.
public struct HL7Field: Sendable {
    /// The undecoded bytes (escape sequences and inner delimiters still in place).
    public let raw: ArraySlice<UInt8>
    let separators: HL7Separators

    init(raw: ArraySlice<UInt8>, separators: HL7Separators) {
        self.raw = raw
        self.separators = separators
    }

    /// True when the field holds no bytes at all.
    public var isEmpty: Bool { raw.isEmpty }

    /// The repetitions of the field (split at `~`); a field without any has one.
    public var repetitions: [HL7Field] { split(raw, at: separators.repetition).map(sub) }

    /// Component `number` of the first repetition.
    public func component(_ number: Int) -> HL7Field {
        // One pass: count component separators, stop at the first repetition separator.
        let component = separators.component, repetition = separators.repetition
        var current = 1
        var start = raw.startIndex
        var index = start
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == repetition { break }
            if byte == component {
                if current == number { return sub(raw[start..<index]) }
                current += 1
                start = index + 1
            }
            index += 1
        }
        return sub(current == number ? raw[start..<index] : raw[index..<index])
    }

    /// Subcomponent `number` of this component.
    public func subcomponent(_ number: Int) -> HL7Field {
        sub(piece(raw, at: separators.subcomponent, number: number))
    }

    /// The value with HL7 escape sequences decoded (`\F\` becomes the field separator).
    public var text: String { HL7Escaping.decode(raw, separators: separators) }

    /// The value as a non-negative decimal integer, or nil when it is not one.
    public var integer: Int? {
        guard !raw.isEmpty, raw.count <= 18 else { return nil }
        var result = 0
        for byte in raw {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            result = result * 10 + Int(byte - 0x30)
        }
        return result
    }

    /// The value as an HL7 `NM` number (`[+-]digits[.digits]`, no exponent), or nil.
    public var decimal: Double? {
        var digits = 0
        var sawPoint = false
        for (offset, byte) in raw.enumerated() {
            switch byte {
            case 0x30...0x39: digits += 1
            case UInt8(ascii: "."): if sawPoint { return nil } else { sawPoint = true }
            case UInt8(ascii: "+"), UInt8(ascii: "-"): if offset != 0 { return nil }
            default: return nil
            }
        }
        guard digits > 0, digits <= 40 else { return nil }
        return Double(String(decoding: raw, as: UTF8.self))
    }

    /// Whether the raw bytes equal an ASCII string exactly.
    public func matches(_ ascii: String) -> Bool { raw.elementsEqual(ascii.utf8) }

    /// Whether the raw bytes begin with an ASCII string.
    public func hasPrefix(_ ascii: String) -> Bool { raw.starts(with: ascii.utf8) }

    private func sub(_ slice: ArraySlice<UInt8>) -> HL7Field { HL7Field(raw: slice, separators: separators) }
}

/// The `number`th piece (1-based) of `bytes` split at `delimiter`, or an empty slice.
@inline(__always)
func piece(_ bytes: ArraySlice<UInt8>, at delimiter: UInt8, number: Int) -> ArraySlice<UInt8> {
    var current = 1
    var start = bytes.startIndex
    var index = start
    while index < bytes.endIndex {
        if bytes[index] == delimiter {
            if current == number { return bytes[start..<index] }
            current += 1
            start = index + 1
        }
        index += 1
    }
    return current == number ? bytes[start..<bytes.endIndex] : bytes[bytes.endIndex..<bytes.endIndex]
}

func split(_ bytes: ArraySlice<UInt8>, at delimiter: UInt8) -> [ArraySlice<UInt8>] {
    bytes.split(separator: delimiter, omittingEmptySubsequences: false)
}
