public import Foundation

/// One frame in, one ACK out: parse, check, de-duplicate and map a device message.
///
/// Pure and synchronous; the network server owns one (or one per listener) and calls
/// `receive` for every `.frame` and `receiveOversized` for every `.oversized` event of
/// its `MLLPFrameDecoder`. It publishes `outcome`'s payloads only when `.accepted`: a
/// rejected or duplicate message changes nothing.
public struct HL7Receiver: Sendable {
    /// What became of a frame.
    public enum Outcome: Hashable, Sendable {
        /// Apply these events.
        case accepted(PCDMapping)
        /// An identical resend of an accepted message: ACKed AA, nothing to apply.
        case duplicate(controlID: String)
        /// Nothing to apply; the error is in the ACK and belongs in the log.
        case rejected(HL7Error)
    }

    /// The answer to one frame.
    public struct Result: Sendable {
        /// The ACK message, not framed (wrap it with `MLLPFrameEncoder`).
        public var ack: [UInt8]
        public var outcome: Outcome
        /// The interpreted message, when it got that far.
        public var report: DeviceReport?
    }

    public var reader: PCDReportReader
    public var mapper: PCDMapper
    public var acknowledgments: ACKBuilder
    public var duplicates: DuplicateFilter
    /// Messages larger than this are AR (the MLLP decoder's cap should match).
    public var maximumMessageSize: Int

    public init(
        registry: DeviceRegistry, reader: PCDReportReader = PCDReportReader(), acknowledgments: ACKBuilder = ACKBuilder(),
        duplicates: DuplicateFilter = DuplicateFilter(), maximumMessageSize: Int = 256 * 1024
    ) {
        self.reader = reader
        self.mapper = PCDMapper(registry: registry)
        self.acknowledgments = acknowledgments
        self.duplicates = duplicates
        self.maximumMessageSize = maximumMessageSize
    }

    /// Handles one complete frame's message bytes received at `now` (the ACK's MSH-7).
    public mutating func receive(_ bytes: some Collection<UInt8>, at now: Date) -> Result {
        guard bytes.count <= maximumMessageSize else {
            return receiveOversized(header: Array(bytes.prefix(4096)), byteCount: bytes.count, at: now)
        }
        let message: HL7Message
        do {
            message = try HL7Message(bytes: bytes)
        } catch {
            return reject(error, message: Self.headerOnly(bytes), at: now)
        }
        let report: DeviceReport
        do {
            report = try reader.read(message)
        } catch {
            return reject(error, message: message, at: now)
        }
        switch duplicates.classify(sendingApplication: report.sendingApplication, controlID: report.controlID, content: message.bytes) {
        case .resend:
            let ack = acknowledgments.makeACK(for: message, code: .accept, at: now)
            return Result(ack: ack, outcome: .duplicate(controlID: report.controlID), report: report)
        case .conflict:
            let error = HL7Error.content(.duplicateKey, at: message.header.location(10), "control id \(report.controlID) was already used for a different message")
            return reject(error, message: message, report: report, at: now)
        case .new:
            break
        }
        do {
            let mapping = try mapper.map(report)
            duplicates.remember(sendingApplication: report.sendingApplication, controlID: report.controlID, content: message.bytes)
            let ack = acknowledgments.makeACK(for: message, code: .accept, at: now)
            return Result(ack: ack, outcome: .accepted(mapping), report: report)
        } catch {
            return reject(error, message: message, report: report, at: now)
        }
    }

    /// Handles a frame the decoder refused for its size: AR, quoting MSH-10 when the
    /// kept header holds a readable MSH.
    public mutating func receiveOversized(header: [UInt8], byteCount: Int, at now: Date) -> Result {
        let error = HL7Error.rejected(.applicationError, at: nil, "message of \(byteCount) bytes exceeds the limit of \(maximumMessageSize) bytes")
        return reject(error, message: Self.headerOnly(header), at: now)
    }

    private mutating func reject(_ error: HL7Error, message: HL7Message?, report: DeviceReport? = nil, at now: Date) -> Result {
        let ack = acknowledgments.makeACK(for: message, code: error.acknowledgment, error: error, at: now)
        return Result(ack: ack, outcome: .rejected(error), report: report)
    }

    /// The MSH segment alone, parsed, so an ACK can swap sender and receiver and quote
    /// MSH-10 even when the rest of the message is unreadable.
    static func headerOnly(_ bytes: some Collection<UInt8>) -> HL7Message? {
        let line = bytes.prefix { $0 != 0x0D && $0 != 0x0A }
        return try? HL7Message(bytes: line)
    }
}
