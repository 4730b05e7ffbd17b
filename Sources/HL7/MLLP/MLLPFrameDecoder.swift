/// Splits a byte stream into MLLP frames (`0x0B` message `0x1C 0x0D`): a pure state
/// machine with no I/O, so the server can feed it whatever the socket delivers.
///
/// - A frame larger than `maximumFrameSize` is not buffered: its first
///   `oversizedHeaderSize` bytes are kept (so the reject ACK can quote MSH-10) and the
///   rest is counted and dropped until its end block or the next start block.
/// - Bytes outside a frame are garbage, reported once per run (CR and LF between frames
///   are ignored silently: senders often add a line end after `0x1C 0x0D`).
/// - A start block inside a frame, or `0x1C` not followed by `0x0D`, abandons the frame
///   (`.abandoned`) and the decoder resynchronises on the next `0x0B`.
/// Partial-frame timeouts belong to the caller: `hasPartialFrame` says whether one is pending.
public struct MLLPFrameDecoder: Sendable {
    /// What feeding bytes produced.
    public enum Event: Hashable, Sendable {
        /// A complete frame's message bytes (without the framing).
        case frame([UInt8])
        /// A frame exceeded the cap: its first bytes and its total size.
        case oversized(header: [UInt8], byteCount: Int)
        /// Bytes outside any frame.
        case garbage(byteCount: Int)
        /// A frame cut off by a new start block or a broken end block.
        case abandoned(byteCount: Int)
    }

    public static let startBlock: UInt8 = 0x0B
    public static let endBlock: UInt8 = 0x1C
    public static let carriageReturn: UInt8 = 0x0D

    /// Largest message accepted, in bytes (default 256 KiB).
    public let maximumFrameSize: Int
    /// How much of an oversized frame is kept for its ACK.
    public let oversizedHeaderSize: Int

    private enum State: Sendable { case hunting, inFrame, sawEnd, discarding, discardingSawEnd }
    private var state = State.hunting
    private var buffer: [UInt8] = []
    private var frameByteCount = 0
    private var garbageRun = 0
    private var isGarbageReported = false

    public init(maximumFrameSize: Int = 256 * 1024, oversizedHeaderSize: Int = 4096) {
        self.maximumFrameSize = max(1, maximumFrameSize)
        self.oversizedHeaderSize = max(0, min(oversizedHeaderSize, maximumFrameSize))
    }

    /// Whether a frame has started and not yet ended (for the server's timeout).
    public var hasPartialFrame: Bool { state != .hunting }

    /// Feeds bytes; returns the events they completed, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
        if let events = bytes.withContiguousStorageIfAvailable({ feed(contiguous: $0) }) { return events }
        return Array(bytes).withUnsafeBufferPointer { feed(contiguous: $0) }
    }

    /// Feeds the bytes a socket read delivered (a NIO `ByteBuffer`'s readable bytes).
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [Event] {
        bytes.withMemoryRebound(to: UInt8.self) { feed(contiguous: $0) }
    }

    /// The one implementation, not generic (callers in other modules would otherwise run
    /// an unspecialised per-byte loop). Inside a frame, the run up to the next block byte
    /// is copied at once; every other byte goes through the state machine.
    private mutating func feed(contiguous bytes: UnsafeBufferPointer<UInt8>) -> [Event] {
        var events: [Event] = []
        var index = 0
        while index < bytes.count {
            if state == .inFrame {
                var end = index
                while end < bytes.count, bytes[end] != Self.endBlock, bytes[end] != Self.startBlock { end += 1 }
                if end > index {
                    appendRun(UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
            }
            step(bytes[index], into: &events)
            index += 1
        }
        if garbageRun > 0, !isGarbageReported {
            events.append(.garbage(byteCount: garbageRun))
            isGarbageReported = true
        }
        return events
    }

    private mutating func step(_ byte: UInt8, into events: inout [Event]) {
        switch state {
        case .hunting:
            if byte == Self.startBlock {
                startFrame(into: &events)
            } else if byte != Self.carriageReturn, byte != 0x0A {
                garbageRun += 1
            }
        case .inFrame:
            if byte == Self.endBlock {
                state = .sawEnd
            } else if byte == Self.startBlock {
                events.append(.abandoned(byteCount: frameByteCount))
                startFrame(into: &events)
            } else {
                append(byte)
            }
        case .sawEnd:
            if byte == Self.carriageReturn {
                events.append(.frame(buffer))
                reset()
            } else if byte == Self.startBlock {
                events.append(.abandoned(byteCount: frameByteCount))
                startFrame(into: &events)
            } else {
                events.append(.abandoned(byteCount: frameByteCount))
                reset()
                garbageRun += 1
            }
        case .discarding:
            if byte == Self.endBlock {
                state = .discardingSawEnd
            } else if byte == Self.startBlock {
                events.append(.oversized(header: buffer, byteCount: frameByteCount))
                startFrame(into: &events)
            } else {
                frameByteCount += 1
            }
        case .discardingSawEnd:
            if byte == Self.carriageReturn || byte == Self.startBlock {
                events.append(.oversized(header: buffer, byteCount: frameByteCount))
                if byte == Self.startBlock { startFrame(into: &events) } else { reset() }
            } else if byte == Self.endBlock {
                frameByteCount += 1
            } else {
                frameByteCount += 2
                state = .discarding
            }
        }
    }

    /// `append` for a run of frame bytes holding no block byte: the same outcome as
    /// appending them one by one.
    private mutating func appendRun(_ run: UnsafeBufferPointer<UInt8>) {
        let room = maximumFrameSize - frameByteCount
        if run.count <= room {
            buffer.append(contentsOf: run)
            frameByteCount += run.count
        } else {
            buffer.append(contentsOf: run.prefix(max(0, room)))
            frameByteCount += run.count
            buffer.removeSubrange(min(oversizedHeaderSize, buffer.count)...)
            state = .discarding
        }
    }

    private mutating func append(_ byte: UInt8) {
        frameByteCount += 1
        if frameByteCount > maximumFrameSize {
            buffer.removeSubrange(min(oversizedHeaderSize, buffer.count)...)
            state = .discarding
        } else {
            buffer.append(byte)
        }
    }

    private mutating func startFrame(into events: inout [Event]) {
        if garbageRun > 0, !isGarbageReported { events.append(.garbage(byteCount: garbageRun)) }
        garbageRun = 0
        isGarbageReported = false
        buffer = []
        frameByteCount = 0
        state = .inFrame
    }

    private mutating func reset() {
        buffer = []
        frameByteCount = 0
        state = .hunting
    }
}
