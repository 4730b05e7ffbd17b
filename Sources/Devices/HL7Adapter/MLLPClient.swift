import HL7
import NIOCore
import NIOPosix
import NIOSSL

/// A minimal MLLP client: sends framed messages and yields the framed replies it gets.
///
/// For the adapter's tests and the ingest benchmark's load generator (not for talking to
/// real systems: it has no retry and no timeout of its own; callers bound their waits).
///
/// ```swift
/// let client = try await MLLPClient.connect(host: "127.0.0.1", port: port)
/// var replies = client.replies.makeAsyncIterator()
/// try await client.send(message: bytes)
/// let ack = await replies.next()   // the ACK's message bytes, unframed; nil once closed
/// await client.close()
/// ```
public final class MLLPClient: Sendable {
    /// Every reply frame's message bytes (unframed), in order; finishes when the
    /// connection closes (from either side).
    public let replies: AsyncStream<[UInt8]>
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup

    private init(channel: any Channel, group: MultiThreadedEventLoopGroup, replies: AsyncStream<[UInt8]>) {
        self.channel = channel
        self.group = group
        self.replies = replies
    }

    /// Connects on a thread of its own; with `trustedCertificate` (a PEM file), speaks TLS
    /// and accepts only a server presenting that certificate for `serverName`.
    public static func connect(
        host: String, port: Int, trustedCertificate: String? = nil, serverName: String = "localhost"
    ) async throws -> MLLPClient {
        let tls = try trustedCertificate.map { path in
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            return try NIOSSLContext(configuration: configuration)
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let (replies, continuation) = AsyncStream<[UInt8]>.makeStream()
        do {
            let channel = try await ClientBootstrap(group: group)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: serverName))
                        }
                        try channel.pipeline.syncOperations.addHandler(ReplyHandler(continuation))
                    }
                }
                .connect(host: host, port: port).get()
            return MLLPClient(channel: channel, group: group, replies: replies)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Sends bytes exactly as given (no framing added): for split, joined or broken frames.
    public func send(raw bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).get()
    }

    /// Sends one message in MLLP framing.
    public func send(message: some Collection<UInt8>) async throws {
        try await send(raw: MLLPFrameEncoder.encode(message))
    }

    /// Closes the connection and ends its thread.
    public func close() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// Decodes reply frames into the client's stream.
private final class ReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var decoder = MLLPFrameDecoder()
    private let continuation: AsyncStream<[UInt8]>.Continuation

    init(_ continuation: AsyncStream<[UInt8]>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        for case .frame(let frame) in buffer.withUnsafeReadableBytes({ decoder.feed($0) }) {
            continuation.yield(frame)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
