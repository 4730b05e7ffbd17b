import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A log line's time as RFC 3339 in the machine's zone (`2026-11-27T03:04:17Z`,
/// `2026-11-27T04:04:17+01:00`), the form `ISO8601DateFormatter`'s internet date-time gives.
///
/// Made with `localtime_r` rather than a Foundation formatter: the first formatter loads
/// ICU's data, about 30 ms, and the first log line is written before the first frame.
enum LogTimestamp {
    static func string(from date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return "\(date.timeIntervalSince1970)" }
        return string(parts: parts)
    }

    /// The text for broken-down time `parts` (with its `tm_gmtoff`).
    static func string(parts: tm) -> String {
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
        text += "T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        let offset = Int32(parts.tm_gmtoff / 60)
        if offset == 0 { return text + "Z" }
        let magnitude = abs(offset)
        return text + (offset < 0 ? "-" : "+") + two(magnitude / 60) + ":" + two(magnitude % 60)
    }
}
