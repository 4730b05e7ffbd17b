/// HL7 escape sequences (v2 chapter 2.7): how a delimiter travels inside a value.
///
/// Decoding understands `\F\ \S\ \T\ \R\ \E\`, `\Xhh…\` (hex bytes) and `\.br\` (line
/// break); formatting sequences (`\H\`, `\N\`, `\Z…\`, `\C…\`, `\M…\`) are dropped, and
/// an unterminated escape is kept as it was. Encoding escapes every delimiter and turns
/// CR and LF into `\X0D\` and `\X0A\` so free text can never end a segment.
public enum HL7Escaping {
    /// Decodes a raw value into text.
    public static func decode(_ raw: ArraySlice<UInt8>, separators: HL7Separators) -> String {
        let escape = separators.escape
        guard raw.contains(escape) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == escape, let close = raw[(index + 1)...].firstIndex(of: escape) else {
                out.append(byte)
                index += 1
                continue
            }
            let body = raw[(index + 1)..<close]
            if let replacement = expand(body, separators: separators) {
                out.append(contentsOf: replacement)
            } else {
                out.append(contentsOf: raw[index...close])
            }
            index = close + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes text so that it can be placed in one field component with these separators.
    public static func encode(_ text: String, separators: HL7Separators = .standard) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let escape = separators.escape
        for byte in text.utf8 {
            let code: String?
            switch byte {
            case separators.field: code = "F"
            case separators.component: code = "S"
            case separators.subcomponent: code = "T"
            case separators.repetition: code = "R"
            case escape: code = "E"
            case 0x0D: code = "X0D"
            case 0x0A: code = "X0A"
            default: code = nil
            }
            if let code {
                out.append(escape)
                out.append(contentsOf: code.utf8)
                out.append(escape)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func expand(_ body: ArraySlice<UInt8>, separators: HL7Separators) -> [UInt8]? {
        guard let first = body.first else { return nil }
        if body.count == 1 {
            switch first {
            case UInt8(ascii: "F"): return [separators.field]
            case UInt8(ascii: "S"): return [separators.component]
            case UInt8(ascii: "T"): return [separators.subcomponent]
            case UInt8(ascii: "R"): return [separators.repetition]
            case UInt8(ascii: "E"): return [separators.escape]
            case UInt8(ascii: "H"), UInt8(ascii: "N"): return []
            default: return nil
            }
        }
        switch first {
        case UInt8(ascii: "X"): return hexBytes(body.dropFirst())
        case UInt8(ascii: "."): return body.elementsEqual(".br".utf8) ? [0x0A] : []
        case UInt8(ascii: "Z"), UInt8(ascii: "C"), UInt8(ascii: "M"): return []
        default: return nil
        }
    }

    private static func hexBytes(_ hex: ArraySlice<UInt8>) -> [UInt8]? {
        guard !hex.isEmpty, hex.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
