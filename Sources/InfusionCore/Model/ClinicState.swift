public import Foundation

/// The whole clinic: the model the screen draws. A value; the reducer is the only writer.
public struct ClinicState: Hashable, Codable, Sendable {
    public var clinicName: String = "Infusion Central"
    /// Chairs in configuration order (the board's order).
    public private(set) var chairs: [ChairState] = []
    public var devices: [DeviceID: DeviceDescriptor] = [:]
    /// Sequence of the last event applied (replay resumes after it).
    public var lastSequence: UInt64 = 0
    /// Receipt time of the last event applied.
    public var lastEventAt: Date?
    /// The clinic's alarm limits and behaviour (configured by an event at start).
    public var alarmRules = AlarmRules()
    /// The station's audio pause, if one was given (it may have run out: see `isAudioPaused`).
    public var audioPause: AudioPause?
    private var chairIndex: [ChairID: Int] = [:]

    public init() {}

    public subscript(chair id: ChairID) -> ChairState? {
        chairIndex[id].map { chairs[$0] }
    }

    /// The chair's session id, read in place: the journal asks this for every event, and
    /// the subscript above copies the whole chair (every dictionary retained and released).
    public func sessionID(ofChair id: ChairID) -> SessionID? {
        guard let index = chairIndex[id] else { return nil }
        return chairs[index].session?.id
    }

    /// Whether any device on the board is simulated (the header then says so).
    public var hasSimulatedDevices: Bool { devices.values.contains { $0.isSimulated } }

    /// Chairs with an open session.
    public var activeChairCount: Int { chairs.filter(\.isOccupied).count }

    mutating func addChair(_ descriptor: ChairDescriptor) {
        if let index = chairIndex[descriptor.id] {
            chairs[index].label = descriptor.label
            return
        }
        chairIndex[descriptor.id] = chairs.count
        chairs.append(ChairState(id: descriptor.id, label: descriptor.label))
    }

    /// Applies `change` to a chair if it exists; events for unknown chairs change nothing.
    mutating func updateChair(_ id: ChairID, _ change: (inout ChairState) -> Void) {
        guard let index = chairIndex[id] else { return }
        change(&chairs[index])
    }
}

extension ClinicState {
    /// Whether alarm audio is paused at `now`: within the pause, and no alarm of a higher
    /// priority than the pause covered has been raised since (break-through).
    public func isAudioPaused(at now: Date) -> Bool {
        guard let pause = audioPause, now < pause.until else { return false }
        let floor = pause.priorityAtPause ?? .low
        let brokeThrough = chairs.contains { chair in
            chair.alarms.active.values.contains { $0.raisedAt > pause.at && ($0.priority > floor || pause.priorityAtPause == nil) }
        }
        return !brokeThrough
    }

    /// Seconds of audio pause left at `now` (0 when not paused).
    public func audioPauseRemaining(at now: Date) -> TimeInterval {
        guard isAudioPaused(at: now), let pause = audioPause else { return 0 }
        return pause.until.timeIntervalSince(now)
    }

    /// The highest priority active anywhere (escalation included), for the header.
    public var highestAlarmPriority: AlarmPriority? {
        chairs.compactMap { $0.alarms.effectivePriority(escalationCount: alarmRules.escalationCount) }.max()
    }

    /// Every active alarm of every chair, highest priority first, then oldest first.
    public var allActiveAlarms: [(chair: ChairState, alarm: ActiveAlarm)] {
        chairs.flatMap { chair in chair.alarms.active.values.map { (chair, $0) } }.sorted { lhs, rhs in
            if lhs.alarm.priority != rhs.alarm.priority { return lhs.alarm.priority > rhs.alarm.priority }
            if lhs.alarm.raisedAt != rhs.alarm.raisedAt { return lhs.alarm.raisedAt < rhs.alarm.raisedAt }
            return lhs.chair.id < rhs.chair.id
        }
    }
}
