public import Foundation

/// HL7 `DTM` times: `YYYYMMDDHHMM[SS[.S…]][+/-ZZZZ]`.
///
/// Device observations need at least minutes. The offset, when given, is honoured;
/// when absent the caller's default offset applies (IHE PCD requires senders to give
/// one). Calendar arithmetic is done by hand (proleptic Gregorian), because
/// `Calendar` is far too slow for tens of thousands of messages a second.
public enum HL7Timestamp {
    /// Parses a timestamp, or returns nil when it is malformed or out of range.
    /// - Parameter defaultOffset: seconds east of UTC to assume when no offset is written.
    public static func parse(_ raw: ArraySlice<UInt8>, defaultOffset: Int = 0) -> Date? {
        var index = raw.startIndex
        func digits(_ count: Int) -> Int? {
            guard raw.endIndex - index >= count else { return nil }
            var value = 0
            for _ in 0..<count {
                let byte = raw[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            return value
        }
        guard let year = digits(4), let month = digits(2), let day = digits(2),
            let hour = digits(2), let minute = digits(2)
        else { return nil }
        var second = 0.0
        if index < raw.endIndex, raw[index] >= 0x30, raw[index] <= 0x39 {
            guard let whole = digits(2) else { return nil }
            second = Double(whole)
            if index < raw.endIndex, raw[index] == UInt8(ascii: ".") {
                index += 1
                var scale = 0.1
                var count = 0
                while index < raw.endIndex, raw[index] >= 0x30, raw[index] <= 0x39 {
                    second += Double(raw[index] - 0x30) * scale
                    scale /= 10
                    count += 1
                    index += 1
                }
                guard count > 0, count <= 4 else { return nil }
            }
        }
        var offset = defaultOffset
        if index < raw.endIndex {
            let sign = raw[index]
            guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            index += 1
            guard let zoneHours = digits(2), let zoneMinutes = digits(2), zoneHours <= 14, zoneMinutes < 60 else { return nil }
            offset = (zoneHours * 3600 + zoneMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        }
        guard index == raw.endIndex, year >= 1900, (1...12).contains(month), day >= 1,
            day <= daysIn(month: month, year: year), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let local = Double(days * 86_400 + hour * 3600 + minute * 60) + second
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    /// Formats a date as `YYYYMMDDHHMMSS+0000` (UTC), as this station writes MSH-7.
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + pad(secondsOfDay / 3600, 2)
            + pad(secondsOfDay / 60 % 60, 2) + pad(secondsOfDay % 60, 2) + "+0000"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
