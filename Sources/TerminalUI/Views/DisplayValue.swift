public import Foundation
import InfusionCore

/// A value as the screen may show it: current, stale (with its age) or withdrawn.
///
/// Data safety: an old number is never drawn as if it were current. A stale value
/// keeps its number but is dimmed and carries its age; an expired or unavailable one
/// shows only `--`.
public struct DisplayValue: Hashable, Sendable {
    /// How current the value is.
    public enum Status: Hashable, Sendable {
        case current
        /// Older than its expected interval, by `age` seconds.
        case stale(age: TimeInterval)
        /// Expired, unavailable, or never received.
        case missing
    }

    /// The number with its unit or format, without the age (`72`, `124/78(93)`).
    public var text: String
    public var status: Status
    /// Always-shown age (NIBP is episodic, so its age is shown even when current).
    public var age: TimeInterval?
    /// The value is stale because its whole device is, and the device's link segment
    /// (`MON 20s`) already shows that age: a tile then dims the value without repeating it.
    public var ageOnLink: Bool = false

    public init(text: String, status: Status, age: TimeInterval? = nil, ageOnLink: Bool = false) {
        self.text = text
        self.status = status
        self.age = age
        self.ageOnLink = ageOnLink
    }

    /// A value with no data: `--`.
    public static let missing = DisplayValue(text: "--", status: .missing)

    public var isMissing: Bool { status == .missing }
    public var isStale: Bool { if case .stale = status { true } else { false } }

    /// The text as drawn: `--` when missing, the age appended when stale or always-aged
    /// (unless `compact` and the device link shows the age).
    public func rendered(noData: String = "--", compact: Bool = false) -> String {
        switch status {
        case .missing: return noData
        case .stale where compact && ageOnLink: return text
        case .stale(let age): return text + " " + DurationText.age(self.age ?? age)
        case .current: return age.map { text + " " + DurationText.age($0) } ?? text
        }
    }

    /// The segment for a view: stale values dimmed in the `stale` role, missing in `dim`.
    public func segment(prefix: String = "", glyphs: GlyphSet) -> Segment {
        let body = prefix + rendered(noData: glyphs.noData, compact: true)
        switch status {
        case .current: return Segment(body)
        case .stale: return Segment(body, role: .stale, attributes: .dim)
        case .missing: return Segment(body, role: .dim, attributes: .dim)
        }
    }
}

/// What the station knows about a device's link: up, reported lost, or silent too long.
public enum LinkStatus: Hashable, Sendable {
    case ok
    /// The adapter reported the link lost.
    case lost
    /// Nothing heard for longer than the device's timeout ("no data").
    case silent

    /// The plain word for text output (`ok`, `lost`, `no data`).
    public var word: String {
        switch self {
        case .ok: "ok"
        case .lost: "lost"
        case .silent: "no data"
        }
    }
}

/// One device of a chair as its tile shows it: `MON ✓`, `PMP ✗`.
public struct DeviceLink: Hashable, Sendable {
    /// `MON` or `PMP`.
    public var name: String
    public var status: LinkStatus
    /// Seconds since the device was last heard, when that is longer than expected.
    public var staleAge: TimeInterval?

    public init(name: String, status: LinkStatus, staleAge: TimeInterval? = nil) {
        self.name = name
        self.status = status
        self.staleAge = staleAge
    }

    /// The segment for a view: problems in the `technical` role and bold, not by colour
    /// alone; a late device dimmed with its age (`MON 20s`).
    public func segment(glyphs: GlyphSet) -> Segment {
        switch status {
        case .ok:
            if let staleAge { return Segment(name + " " + DurationText.age(staleAge), role: .stale, attributes: .dim) }
            return Segment(name + " " + glyphs.linkOK, role: .ok)
        case .lost: return Segment(name + " " + glyphs.linkLost, role: .technical, attributes: .bold)
        case .silent: return Segment(name + " " + glyphs.noData, role: .technical, attributes: .bold)
        }
    }
}
