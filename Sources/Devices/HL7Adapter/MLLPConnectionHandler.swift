import HL7
import Logging
import NIOCore

/// One connection's MLLP handling: bytes into an `MLLPFrameDecoder`, frames through the
/// shared `HL7Ingest`, framed ACKs back; a started frame that sees no byte for
/// `partialFrameTimeout` is dropped while the connection stays open.
///
/// Runs on its channel's event loop only. Nothing a peer sends can make it throw: bad
/// bytes become garbage/abandoned/oversized events or AE/AR ACKs, and affect only this
/// connection.
final class MLLPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var decoder: MLLPFrameDecoder
    private let ingest: HL7Ingest
    private let connection: UInt64
    private let partialFrameTimeout: TimeAmount
    private let linkLostGrace: TimeAmount
    private let report: @Sendable (HL7ConnectionEvent) -> Void
    private let logger: Logger
    private var peer = "unknown peer"
    private var timeout: Scheduled<Void>?

    init(
        ingest: HL7Ingest, connection: UInt64, frameCap: Int, partialFrameTimeout: TimeAmount, linkLostGrace: TimeAmount,
        report: @escaping @Sendable (HL7ConnectionEvent) -> Void, logger: Logger
    ) {
        decoder = MLLPFrameDecoder(maximumFrameSize: frameCap)
        self.ingest = ingest
        self.connection = connection
        self.partialFrameTimeout = partialFrameTimeout
        self.linkLostGrace = linkLostGrace
        self.report = report
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        peer = context.channel.remoteAddress.map(Self.describe) ?? peer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let events = buffer.withUnsafeReadableBytes { decoder.feed($0) }
        var wrote = false
        for event in events {
            let answer: HL7Ingest.Answer
            switch event {
            case .frame(let frame):
                answer = ingest.receive(frame, connection: connection, peer: peer)
            case .oversized(let header, let byteCount):
                answer = ingest.receiveOversized(header: header, byteCount: byteCount, peer: peer)
            case .garbage(let byteCount):
                logger.notice("HL7: \(byteCount) bytes outside any MLLP frame skipped", metadata: ["peer": "\(peer)"])
                report(.garbage(peer: peer, byteCount: byteCount))
                continue
            case .abandoned(let byteCount):
                logger.notice("HL7: MLLP frame of \(byteCount) bytes cut off and dropped", metadata: ["peer": "\(peer)"])
                report(.abandoned(peer: peer, byteCount: byteCount))
                continue
            }
            context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: answer.framedACK)), promise: nil)
            wrote = true
            report(.acknowledged(peer: peer, code: answer.code))
        }
        if wrote { context.flush() }
        armTimeout(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        timeout?.cancel()
        timeout = nil
        let ingest = self.ingest
        for orphan in ingest.connectionClosed(connection) {
            context.eventLoop.scheduleTask(in: linkLostGrace) {
                ingest.expireLink(orphan.device, generation: orphan.generation)
            }
        }
        logger.info("HL7 connection closed", metadata: ["peer": "\(peer)"])
        report(.closed(peer: peer))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.notice("HL7 connection error: \(error)", metadata: ["peer": "\(peer)"])
        context.close(promise: nil)
    }

    /// `127.0.0.1:50312`, for logs and rejections.
    static func describe(_ address: SocketAddress) -> String {
        "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
    }

    /// (Re)starts the partial-frame timer while a frame is pending, stops it otherwise.
    private func armTimeout(context: ChannelHandlerContext) {
        timeout?.cancel()
        timeout = nil
        guard decoder.hasPartialFrame else { return }
        timeout = context.eventLoop.assumeIsolated().scheduleTask(in: partialFrameTimeout) { [self] in
            timeout = nil
            guard decoder.hasPartialFrame else { return }
            decoder = MLLPFrameDecoder(maximumFrameSize: decoder.maximumFrameSize)
            logger.notice("HL7: partial MLLP frame timed out and dropped", metadata: ["peer": "\(peer)"])
            report(.partialFrameTimedOut(peer: peer))
        }
    }
}

/// Closes a connection over the cap as soon as it is active.
final class RefusingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    func channelActive(context: ChannelHandlerContext) {
        context.close(promise: nil)
    }
}
