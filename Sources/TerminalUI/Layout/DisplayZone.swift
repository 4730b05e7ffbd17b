public import Foundation

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

/// A day on the proleptic Gregorian calendar, without a zone.
public struct CivilDate: Sendable, Equatable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when there is no such day (month 13, 30 February, 31 April …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Howard Hinnant's `civil_from_days`: exact for every day, no tables.
    init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (`days_from_civil`, the inverse of `init(daysSinceEpoch:)`).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD`.
    public var text: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
