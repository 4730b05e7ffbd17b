public import Foundation

/// A device message the station refused (bad HL7, unknown device, patient mismatch).
///
/// Journaled for audit only: nothing in it reached the model as data, so the reducer
/// ignores it. The raw text is already escaped and size-capped by the adapter, so a
/// flood of large bad frames cannot fill the journal.
public struct DeviceMessageRejection: Hashable, Codable, Sendable {
    /// The chair the message named, when the adapter could tell.
    public var chair: ChairID?
    /// Where it came from (`hl7 127.0.0.1:50312`).
    public var source: String
    /// The acknowledgement code sent back (`AE`, `AR`).
    public var code: String
    /// Why, as the acknowledgement said it (with the segment and field).
    public var reason: String
    /// The message's first bytes as printable text (escaped, capped).
    public var rawText: String
    /// The whole message's size in bytes.
    public var byteCount: Int
    public var at: Date

    public init(chair: ChairID?, source: String, code: String, reason: String, rawText: String, byteCount: Int, at: Date) {
        self.chair = chair
        self.source = source
        self.code = code
        self.reason = reason
        self.rawText = rawText
        self.byteCount = byteCount
        self.at = at
    }
}
