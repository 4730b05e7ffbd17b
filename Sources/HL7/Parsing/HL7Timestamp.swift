public import Foundation
import InfusionCore

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
        guard index == raw.endIndex, year >= 1900, hour < 24, minute < 60, second < 60,
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        let days = date.daysSinceEpoch
        let local = Double(days * 86_400 + hour * 3600 + minute * 60) + second
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    /// Formats a date as `YYYYMMDDHHMMSS+0000` (UTC), as this station writes MSH-7.
    public static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondsOfDay = total - days * 86_400
        let civil = CivilDate(daysSinceEpoch: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(civil.year, 4) + pad(civil.month, 2) + pad(civil.day, 2) + pad(secondsOfDay / 3600, 2)
            + pad(secondsOfDay / 60 % 60, 2) + pad(secondsOfDay % 60, 2) + "+0000"
    }
}
