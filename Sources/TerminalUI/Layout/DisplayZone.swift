public import Foundation
public import InfusionCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The zone the station shows wall-clock times and dates in: the machine's local zone, or
/// a fixed offset (UTC in tests and goldens).
///
/// Why not Foundation's `TimeZone`: on Linux every `TimeZone` (even a fixed offset) is
/// backed by ICU, whose code and tables cost the always-on station about 2 MiB of resident
/// memory and ~1 ms at start-up (issue #8's goals are 25 MiB and 30 ms), and the station
/// needs nothing from it but the offset from UTC at an instant. The C library's
/// `localtime_r`/`mktime` read the same zone database (`TZ`, else `/etc/localtime`) and
/// give that offset with daylight-saving time applied. Dates are then plain arithmetic on
/// the proleptic Gregorian calendar.
public struct DisplayZone: Sendable, Equatable {
    private enum Kind: Sendable, Equatable {
        case local
        case fixed(seconds: Int)
    }

    private let kind: Kind

    /// The machine's local zone, as the C library sees it (`TZ`, else `/etc/localtime`).
    public static let local = DisplayZone(kind: .local)
    /// Coordinated Universal Time.
    public static let utc = DisplayZone(kind: .fixed(seconds: 0))

    /// A zone `seconds` east of UTC, without daylight-saving time (tests, fixed-offset sites).
    public static func fixed(secondsFromGMT seconds: Int) -> DisplayZone {
        DisplayZone(kind: .fixed(seconds: seconds))
    }

    /// Seconds east of UTC at `date` (daylight-saving time included for `.local`).
    public func secondsFromGMT(for date: Date) -> Int {
        switch kind {
        case .fixed(let seconds):
            return seconds
        case .local:
            var instant = time_t(date.timeIntervalSince1970.rounded(.down))
            var parts = tm()
            guard localtime_r(&instant, &parts) != nil else { return 0 }
            return Int(parts.tm_gmtoff)
        }
    }

    /// Whole seconds since 1970-01-01T00:00:00 on this zone's wall clock at `date`.
    func wallSeconds(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 + Double(secondsFromGMT(for: date))).rounded(.down))
    }

    /// The calendar date (`year`, `month` 1–12, `day` 1–31) of `date` in this zone.
    public func civilDate(of date: Date) -> CivilDate {
        let seconds = wallSeconds(date)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        return CivilDate(daysSinceEpoch: days)
    }

    /// The instant `civil` begins (local midnight) in this zone.
    ///
    /// `.local` asks `mktime`, which knows when daylight-saving time starts and ends; a day
    /// whose midnight does not exist (a spring-forward at 00:00) begins at the first
    /// instant that does.
    public func startOfDay(_ civil: CivilDate) -> Date {
        switch kind {
        case .fixed(let seconds):
            return Date(timeIntervalSince1970: Double(civil.daysSinceEpoch * 86_400 - seconds))
        case .local:
            var parts = tm()
            parts.tm_year = Int32(civil.year - 1900)
            parts.tm_mon = Int32(civil.month - 1)
            parts.tm_mday = Int32(civil.day)
            parts.tm_isdst = -1
            return Date(timeIntervalSince1970: Double(mktime(&parts)))
        }
    }
}
