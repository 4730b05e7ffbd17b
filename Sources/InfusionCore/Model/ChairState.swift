public import Foundation

/// Everything the station knows about one chair.
public struct ChairState: Hashable, Codable, Sendable {
    /// How many log lines a chair keeps for its detail view.
    public static let logCapacity = 60

    public var id: ChairID
    public var label: String
    /// Devices assigned to this chair, by kind.
    public var devices: [DeviceKind: DeviceID] = [:]
    /// Last time each device was heard from (receipt time).
    public var lastHeard: [DeviceID: Date] = [:]
    /// Link state each adapter last reported.
    public var links: [DeviceID: DeviceLinkState] = [:]
    public var session: SessionState?
    public var vitals: [VitalKind: VitalReading] = [:]
    /// Parameters the monitor says have no value, with the reason.
    public var unavailable: [VitalKind: String] = [:]
    public var trends: [VitalKind: TrendSeries] = [:]
    public var pump: PumpState?
    public var plasmaConcentration: MicrogramsPerMilliliter?
    public var effectSiteConcentration: MicrogramsPerMilliliter?
    public var log: [ChairLogEntry] = []
    public var alarms = ChairAlarms()
    /// A command sent to the pump and not yet confirmed by its report (see `PendingPumpCommand`).
    public var pendingCommand: PendingPumpCommand?

    public init(id: ChairID, label: String) {
        self.id = id
        self.label = label
    }

    /// Whether the chair has an open session (a free chair shows no patient).
    public var isOccupied: Bool { session.map { $0.phase != .signedOff } ?? false }

    /// Records that `device` was heard from at `time` (never moving backwards).
    mutating func heard(_ device: DeviceID, at time: Date) {
        if let last = lastHeard[device], last >= time { return }
        lastHeard[device] = time
    }

    mutating func appendLog(_ text: String, at time: Date) {
        log.append(ChairLogEntry(time: time, text: text))
        if log.count > Self.logCapacity { log.removeFirst(log.count - Self.logCapacity) }
    }
}
