public import Foundation

/// How current a value is: the screen never shows an old number as if it were current.
public enum Freshness: Hashable, Sendable {
    /// Within its expected interval.
    case current
    /// Older than expected: drawn dimmed, with its age.
    case stale(age: TimeInterval)
    /// Past the timeout: replaced by `--` (and, with alarms, "no data").
    case expired(age: TimeInterval)

    public var isCurrent: Bool { self == .current }
    public var isExpired: Bool { if case .expired = self { true } else { false } }
}

/// When values go stale and when they expire; clinic configuration, with defaults.
public struct FreshnessPolicy: Hashable, Codable, Sendable {
    /// A periodic value is stale after this many of its device's expected intervals.
    public var staleAfterIntervals: Double
    /// An NIBP reading is stale after this many seconds (cycle plus margin).
    public var nibpStaleAfter: TimeInterval
    /// An NIBP reading is withdrawn (`--`) after this many seconds.
    public var nibpExpireAfter: TimeInterval

    public init(staleAfterIntervals: Double = 2, nibpStaleAfter: TimeInterval = 17 * 60, nibpExpireAfter: TimeInterval = 35 * 60) {
        self.staleAfterIntervals = staleAfterIntervals
        self.nibpStaleAfter = nibpStaleAfter
        self.nibpExpireAfter = nibpExpireAfter
    }

    /// The freshness of a reading of `kind` from `device` at `now`.
    public func freshness(of reading: VitalReading, kind: VitalKind, device: DeviceDescriptor?, at now: Date) -> Freshness {
        let age = reading.age(at: now)
        if kind.isEpisodic {
            if age > nibpExpireAfter { return .expired(age: age) }
            return age > nibpStaleAfter ? .stale(age: age) : .current
        }
        let interval = device?.expectedInterval ?? 5
        let timeout = device?.timeout ?? 30
        if age > timeout { return .expired(age: age) }
        return age > interval * staleAfterIntervals ? .stale(age: age) : .current
    }

    /// Whether a device has been silent past its timeout (its link shows "no data").
    public func isSilent(_ device: DeviceDescriptor, lastHeard: Date?, at now: Date) -> Bool {
        guard let lastHeard else { return true }
        return now.timeIntervalSince(lastHeard) > device.timeout
    }
}
