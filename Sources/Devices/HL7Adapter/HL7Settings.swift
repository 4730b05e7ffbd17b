public import HL7

/// How the HL7 MLLP listener runs: where it listens, its limits, and the device registry.
///
/// The lead's configuration loader reads these from the clinic TOML (`[hl7]` and
/// `[[device]]`, see `docs/hl7.md`); this type only holds them, with safe defaults.
/// The default address is loopback: the listener is reachable from other machines only
/// when a non-loopback `host` is configured on purpose, and then should use `tls`.
public struct HL7Settings: Hashable, Sendable {
    /// The address to bind (`127.0.0.1`); `0.0.0.0` or a LAN address only when configured.
    public var host: String
    /// The TCP port; 2575 is HL7's registered port; 0 asks the system for a free one.
    public var port: Int
    /// Open connections allowed at once; further ones are closed at once and logged.
    public var maxConnections: Int
    /// Largest MLLP frame accepted, in bytes; larger frames get AR 207 and are not buffered.
    public var frameCap: Int
    /// How long a started frame may wait for its next byte before it is dropped (the
    /// connection stays open).
    public var partialFrameTimeout: Duration
    /// How long after the last connection that carried a device's messages closes before
    /// its link is reported lost (a new connection carrying it in time cancels that).
    /// Gateways that open one connection per message would otherwise flap the link.
    public var linkLostGrace: Duration
    /// The clinic's HL7 devices (EUI-64 → label, kind, chair).
    public var devices: [DeviceRegistry.Entry]
    /// TLS on every connection when set (MLLP inside TLS); plain TCP otherwise.
    public var tls: HL7TLSFiles?

    public init(
        host: String = "127.0.0.1", port: Int = 2575, maxConnections: Int = 32, frameCap: Int = 256 * 1024,
        partialFrameTimeout: Duration = .seconds(10), linkLostGrace: Duration = .seconds(90),
        devices: [DeviceRegistry.Entry] = [], tls: HL7TLSFiles? = nil
    ) {
        self.host = host
        self.port = port
        self.maxConnections = max(1, maxConnections)
        self.frameCap = max(1, frameCap)
        self.partialFrameTimeout = partialFrameTimeout
        self.linkLostGrace = linkLostGrace
        self.devices = devices
        self.tls = tls
    }

    /// The registry the receiver maps with.
    public var registry: DeviceRegistry { DeviceRegistry(devices) }
}
