public import Foundation
public import HL7
public import InfusionCore

/// A message the listener refused (AE/AR, or a patient mismatch): what the journal
/// records for audit. Nothing from it reached the bus as data; it reaches the bus only
/// as its audit `record` (`.deviceMessageRejected`, which the reducer ignores).
public struct HL7Rejection: Hashable, Sendable {
    /// When it was received (injected clock).
    public var at: Date
    /// The peer's address (`127.0.0.1:50312`), when known.
    public var peer: String?
    /// Why: the code, location and reason the ACK carried.
    public var error: HL7Error
    /// The message's first bytes, at most `rawByteLimit` of them.
    public var rawBytes: [UInt8]
    /// The message's full size in bytes (may exceed `rawBytes.count`).
    public var byteCount: Int
    /// The chair of the device the message named, when it could be read that far.
    public var chair: ChairID?

    /// How much of a rejected message is kept (2 KiB): enough to identify it, bounded
    /// so a flood of large bad frames cannot fill the log or the journal.
    public static let rawByteLimit = 2048

    public init(
        at: Date, peer: String?, error: HL7Error, raw: some Collection<UInt8>, byteCount: Int? = nil, chair: ChairID? = nil
    ) {
        self.at = at
        self.peer = peer
        self.error = error
        self.rawBytes = Array(raw.prefix(Self.rawByteLimit))
        self.byteCount = byteCount ?? raw.count
        self.chair = chair
    }

    /// The audit record published on the bus (`.deviceMessageRejected`) so the journal
    /// keeps it: source `hl7 <peer>`, the ACK code, the reason with its location, and
    /// the escaped, capped text.
    public var record: DeviceMessageRejection {
        DeviceMessageRejection(
            chair: chair, source: "hl7 \(peer ?? "unknown peer")", code: error.acknowledgment.rawValue,
            reason: reasonText, rawText: escapedText, byteCount: byteCount, at: at)
    }

    /// The error as the ACK's ERR segment says it: `207 at OBX^1^5: <text>` (HL7 table
    /// 0357 code, ERR-2 location when there is one, ERR-8 text).
    public var reasonText: String {
        "\(error.code.rawValue)\(error.location.map { " at \($0)" } ?? ""): \(error.reason)"
    }

    /// The kept bytes as one printable line: printable ASCII as is, `\r` `\n` `\t`, a
    /// backslash doubled, anything else `\xHH`; `…(+N bytes)` when cut.
    public var escapedText: String {
        var text = ""
        text.reserveCapacity(rawBytes.count + 16)
        for byte in rawBytes {
            switch byte {
            case 0x0D: text += "\\r"
            case 0x0A: text += "\\n"
            case 0x09: text += "\\t"
            case 0x5C: text += "\\\\"
            case 0x20...0x7E: text.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        if byteCount > rawBytes.count { text += "…(+\(byteCount - rawBytes.count) bytes)" }
        return text
    }
}

/// Something that happened on a connection, for observers (tests, diagnostics).
/// Every one of these is also logged.
public enum HL7ConnectionEvent: Hashable, Sendable {
    /// A connection was accepted (`peer`, open connections after it).
    case opened(peer: String, openConnections: Int)
    /// A connection closed.
    case closed(peer: String)
    /// A connection over `maxConnections` was closed at once.
    case refused(peer: String)
    /// Bytes outside any frame were skipped.
    case garbage(peer: String, byteCount: Int)
    /// A frame was cut off by a new start block or a broken end block.
    case abandoned(peer: String, byteCount: Int)
    /// A started frame saw no byte for `partialFrameTimeout` and was dropped.
    case partialFrameTimedOut(peer: String)
    /// A frame was answered (`code` is AA, AE or AR).
    case acknowledged(peer: String, code: HL7AcknowledgmentCode)
}
