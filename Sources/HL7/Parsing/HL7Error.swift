/// The acknowledgment code of MSA-1 (HL7 table 0008, original mode).
public enum HL7AcknowledgmentCode: String, Hashable, Sendable {
    /// Accepted: the message was applied (or was an identical resend of one that was).
    case accept = "AA"
    /// Application error: the message was read but its content is wrong; nothing was applied.
    case error = "AE"
    /// Application reject: the message cannot be processed at all (no MSH, separators,
    /// type, version, size); nothing was applied.
    case reject = "AR"
}

/// An HL7 error condition code (table 0357), sent in ERR-3.
public enum HL7ErrorCode: Int, Hashable, Sendable, CaseIterable {
    case segmentSequence = 100
    case requiredFieldMissing = 101
    case dataType = 102
    case tableValueNotFound = 103
    case unsupportedMessageType = 200
    case unsupportedEventCode = 201
    case unsupportedProcessingID = 202
    case unsupportedVersion = 203
    case unknownKey = 204
    case duplicateKey = 205
    case applicationRecordLocked = 206
    case applicationError = 207

    /// The table's own text for the code (ERR-3.2).
    public var text: String {
        switch self {
        case .segmentSequence: "Segment sequence error"
        case .requiredFieldMissing: "Required field missing"
        case .dataType: "Data type error"
        case .tableValueNotFound: "Table value not found"
        case .unsupportedMessageType: "Unsupported message type"
        case .unsupportedEventCode: "Unsupported event code"
        case .unsupportedProcessingID: "Unsupported processing id"
        case .unsupportedVersion: "Unsupported version id"
        case .unknownKey: "Unknown key identifier"
        case .duplicateKey: "Duplicate key identifier"
        case .applicationRecordLocked: "Application record locked"
        case .applicationError: "Application internal error"
        }
    }
}

/// Where in a message an error is (ERR-2, type ERL): segment ID, which occurrence of that
/// segment (1-based), and field number (HL7 numbering, so MSH-1 is the field separator).
public struct HL7ErrorLocation: Hashable, Sendable, CustomStringConvertible {
    public var segment: String
    public var sequence: Int
    public var field: Int?

    public init(segment: String, sequence: Int, field: Int? = nil) {
        self.segment = segment
        self.sequence = sequence
        self.field = field
    }

    /// `OBX^4^5`, as written in ERR-2.
    public var description: String {
        if let field { return "\(segment)^\(sequence)^\(field)" }
        return "\(segment)^\(sequence)"
    }
}

/// Why a message was not accepted: everything an ACK needs to say so.
///
/// `acknowledgment` is `.reject` (AR) for messages that cannot be processed at all and
/// `.error` (AE) for content errors. `reason` is free text for the log and ERR-8.
public struct HL7Error: Error, Hashable, Sendable, CustomStringConvertible {
    public var acknowledgment: HL7AcknowledgmentCode
    public var code: HL7ErrorCode
    public var location: HL7ErrorLocation?
    public var reason: String

    public init(_ acknowledgment: HL7AcknowledgmentCode, _ code: HL7ErrorCode, at location: HL7ErrorLocation?, _ reason: String) {
        self.acknowledgment = acknowledgment
        self.code = code
        self.location = location
        self.reason = reason
    }

    /// A content error (AE).
    public static func content(_ code: HL7ErrorCode, at location: HL7ErrorLocation?, _ reason: String) -> HL7Error {
        HL7Error(.error, code, at: location, reason)
    }

    /// A message that cannot be processed (AR).
    public static func rejected(_ code: HL7ErrorCode, at location: HL7ErrorLocation?, _ reason: String) -> HL7Error {
        HL7Error(.reject, code, at: location, reason)
    }

    public var description: String {
        "\(acknowledgment.rawValue) \(code.rawValue) \(location.map { "at \($0) " } ?? "")\(reason)"
    }
}
