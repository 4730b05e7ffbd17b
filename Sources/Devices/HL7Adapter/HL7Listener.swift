public import EventBus
import HL7
public import InfusionCore
public import Logging
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// The HL7 v2 MLLP server: device gateways connect, send IHE PCD messages, and get one
/// ACK per frame; accepted data are published on the bus as the same events the
/// simulator produces.
///
/// - One event-loop thread serves every connection (MLLP traffic from a clinic is small).
/// - Binds `settings.host` (loopback by default); TLS on every connection when
///   `settings.tls` is set, plain TCP otherwise (see `docs/hl7.md`).
/// - At most `settings.maxConnections` at once; more are closed at once and logged.
/// - One `HL7Receiver` for all connections, so a resend on a new connection is still
///   recognised; one connection's bad input never affects another.
///
/// ```swift
/// let listener = HL7Listener(settings: settings, bus: bus, clock: clock,
///                            currentPatientMRN: { chair in snapshot.patientMRN(chair) },
///                            logger: logger)
/// let port = try await listener.start()
/// …
/// try await listener.stop()
/// ```
public final class HL7Listener: Sendable {
    public let settings: HL7Settings
    private let ingest: HL7Ingest
    private let bus: EventBus<ClinicEventPayload>
    private let onConnectionEvent: @Sendable (HL7ConnectionEvent) -> Void
    private let logger: Logger
    private let state = Mutex(ServerState())
    private let connectionIDs = Atomic<UInt64>(0)

    private struct ServerState: Sendable {
        var group: MultiThreadedEventLoopGroup?
        var server: (any Channel)?
        var children: [UInt64: any Channel] = [:]
        var isStopped = false
    }

    /// - Parameters:
    ///   - bus: where accepted data, device registrations, links and device alarms go.
    ///   - clock: stamps events and ACKs (MSH-7).
    ///   - currentPatientMRN: the MRN of the patient in the chair's open session, or nil
    ///     (no session, or unknown). Called on the listener's thread for every accepted
    ///     message: it must be cheap and thread-safe (read a snapshot) and must not call
    ///     the listener.
    ///   - onRejected: every refused message (AE/AR, patient mismatch), after it was logged
    ///     and its audit record (`.deviceMessageRejected`) was published on the bus, which
    ///     is how the journal keeps it; for extra diagnostics and tests.
    ///   - onConnectionEvent: connection-level happenings (for tests and diagnostics); all are logged too.
    public init(
        settings: HL7Settings, bus: EventBus<ClinicEventPayload>, clock: any ClinicClock,
        currentPatientMRN: @escaping @Sendable (ChairID) -> String?,
        onRejected: @escaping @Sendable (HL7Rejection) -> Void = { _ in },
        onConnectionEvent: @escaping @Sendable (HL7ConnectionEvent) -> Void = { _ in },
        logger: Logger = Logger(label: "infusion-central.hl7")
    ) {
        self.settings = settings
        self.onConnectionEvent = onConnectionEvent
        self.logger = logger
        ingest = HL7Ingest(
            settings: settings, bus: bus, clock: clock, currentPatientMRN: currentPatientMRN, onRejected: onRejected,
            logger: logger)
        self.bus = bus
    }

    /// Publishes `.deviceRegistered` for every registry entry, then binds and starts
    /// accepting connections.
    /// - Returns: the bound port (useful with `port: 0`).
    /// - Throws: when the address cannot be bound (in use, not local); nothing keeps running then.
    @discardableResult
    public func start() async throws -> Int {
        precondition(state.withLock { $0.group == nil && !$0.isStopped }, "HL7Listener.start() called twice")
        let tlsContext = try settings.tls?.makeServerContext()
        bus.publish(contentsOf: ingest.registrations)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture { try self.initialize(channel, tls: tlsContext) }
            }
        let server: any Channel
        do {
            server = try await bootstrap.bind(host: settings.host, port: settings.port).get()
        } catch {
            try? await group.shutdownGracefully()
            logger.error("HL7 listener cannot bind \(settings.host):\(settings.port): \(error)")
            throw error
        }
        state.withLock {
            $0.group = group
            $0.server = server
        }
        let port = server.localAddress?.port ?? settings.port
        logger.info(
            "HL7 MLLP listener on \(settings.host):\(port)",
            metadata: ["devices": "\(settings.devices.count)", "maxConnections": "\(settings.maxConnections)"])
        return port
    }

    /// Stops accepting, closes every connection, reports the links of devices still up as
    /// lost, and ends the event-loop thread. What was published stays published.
    public func stop() async throws {
        let (group, server, children) = state.withLock { state in
            defer {
                state.group = nil
                state.server = nil
                state.children = [:]
                state.isStopped = true
            }
            return (state.group, state.server, Array(state.children.values))
        }
        guard let group else { return }
        try? await server?.close()
        for child in children { try? await child.close() }
        ingest.expireAllLinks()
        try await group.shutdownGracefully()
        logger.info("HL7 MLLP listener stopped")
    }

    /// Sets up an accepted connection (on its event loop), or refuses it over the cap.
    private func initialize(_ channel: any Channel, tls: NIOSSLContext?) throws {
        let id = connectionIDs.wrappingAdd(1, ordering: .relaxed).newValue
        let peer = channel.remoteAddress.map(MLLPConnectionHandler.describe) ?? "unknown peer"
        let openCount = state.withLock { state -> Int? in
            guard !state.isStopped, state.children.count < settings.maxConnections else { return nil }
            state.children[id] = channel
            return state.children.count
        }
        guard let openCount else {
            logger.warning("HL7 connection refused: \(settings.maxConnections) connections already open", metadata: ["peer": "\(peer)"])
            onConnectionEvent(.refused(peer: peer))
            try channel.pipeline.syncOperations.addHandler(RefusingHandler())
            return
        }
        channel.closeFuture.whenComplete { [self] _ in
            _ = state.withLock { $0.children.removeValue(forKey: id) }
        }
        if let tls {
            // MLLP frames are read from inside TLS: the handler sees the decrypted bytes.
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
        }
        logger.info("HL7 connection opened", metadata: ["peer": "\(peer)", "open": "\(openCount)", "tls": "\(tls != nil)"])
        onConnectionEvent(.opened(peer: peer, openConnections: openCount))
        try channel.pipeline.syncOperations.addHandler(
            MLLPConnectionHandler(
                ingest: ingest, connection: id, frameCap: settings.frameCap,
                partialFrameTimeout: TimeAmount(settings.partialFrameTimeout), linkLostGrace: TimeAmount(settings.linkLostGrace),
                report: onConnectionEvent, logger: logger))
    }
}
