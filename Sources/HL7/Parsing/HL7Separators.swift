/// The five delimiters a message declares in MSH-1 and MSH-2.
///
/// HL7 lets every sender choose its own; `|^~\&` is by far the most common and is what
/// this module always writes. Invariant: all five are distinct printable ASCII
/// punctuation (never a letter, digit, space, CR or LF).
public struct HL7Separators: Hashable, Sendable {
    public var field: UInt8
    public var component: UInt8
    public var repetition: UInt8
    public var escape: UInt8
    public var subcomponent: UInt8

    /// `|^~\&`.
    public static let standard = HL7Separators(
        field: UInt8(ascii: "|"), component: UInt8(ascii: "^"), repetition: UInt8(ascii: "~"),
        escape: UInt8(ascii: "\\"), subcomponent: UInt8(ascii: "&"))

    public init(field: UInt8, component: UInt8, repetition: UInt8, escape: UInt8, subcomponent: UInt8) {
        self.field = field
        self.component = component
        self.repetition = repetition
        self.escape = escape
        self.subcomponent = subcomponent
    }

    /// Reads the separators from the bytes after `MSH` (MSH-1 and MSH-2).
    ///
    /// MSH-2 must hold 4 characters (component, repetition, escape, subcomponent) or 5
    /// (v2.7's truncation character, which is accepted and ignored).
    /// Returns nil when they are missing, repeated or not punctuation.
    static func declared(in bytes: ArraySlice<UInt8>) -> HL7Separators? {
        let start = bytes.startIndex
        guard bytes.count >= 8 else { return nil }
        let field = bytes[start + 3]
        var encoding: [UInt8] = []
        var index = start + 4
        while index < bytes.endIndex, bytes[index] != field, bytes[index] != 0x0D, bytes[index] != 0x0A {
            encoding.append(bytes[index])
            index += 1
            if encoding.count > 5 { return nil }
        }
        guard encoding.count == 4 || encoding.count == 5 else { return nil }
        let all = [field] + encoding
        guard all.allSatisfy(isPunctuation), Set(all).count == all.count else { return nil }
        return HL7Separators(
            field: field, component: encoding[0], repetition: encoding[1],
            escape: encoding[2], subcomponent: encoding[3])
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    /// Whether `byte` is one of the four delimiters inside a field (not the field separator).
    @inline(__always)
    func isInnerDelimiter(_ byte: UInt8) -> Bool {
        byte == component || byte == repetition || byte == subcomponent || byte == escape
    }
}
