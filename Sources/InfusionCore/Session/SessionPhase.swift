/// Where a session is, from admission to sign-off (domain §1). The tile always shows it.
public enum SessionPhase: String, Codable, Hashable, Sendable, CaseIterable {
    case admitted
    case infusing
    case paused
    case infusionComplete
    case observation
    case readyForDischarge
    case signedOff

    /// Short word for a tile.
    public var label: String {
        switch self {
        case .admitted: "ADMITTED"
        case .infusing: "INFUSING"
        case .paused: "PAUSED"
        case .infusionComplete: "COMPLETE"
        case .observation: "OBSERVE"
        case .readyForDischarge: "READY"
        case .signedOff: "SIGNED"
        }
    }

    /// A shorter word for a crowded tile header (an alarm marker beside it).
    public var shortLabel: String {
        switch self {
        case .admitted: "ADM"
        case .infusing: "INF"
        case .paused: "PAUSE"
        case .infusionComplete: "DONE"
        case .observation: "OBS"
        case .readyForDischarge: "READY"
        case .signedOff: "SIGN"
        }
    }

    /// Whether the pump phase of the session is still open (pump reports move the phase).
    public var followsPump: Bool {
        self == .admitted || self == .infusing || self == .paused || self == .infusionComplete
    }
}
