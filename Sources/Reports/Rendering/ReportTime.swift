import Foundation

/// Dates for people in the report's time zone (`2025-03-14 08:00:01`), and ISO-8601 UTC
/// for machines. Made per render: `DateFormatter` is not shared across threads.
struct ReportTime {
    let timeZone: TimeZone
    private let dateTimeFormatter: DateFormatter
    private let timeFormatter: DateFormatter

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        dateTimeFormatter = Self.formatter("yyyy-MM-dd HH:mm:ss", timeZone)
        timeFormatter = Self.formatter("HH:mm:ss", timeZone)
    }

    /// `2025-03-14 08:00:01`.
    func dateTime(_ date: Date) -> String { dateTimeFormatter.string(from: date) }

    /// `08:00:01`.
    func time(_ date: Date) -> String { timeFormatter.string(from: date) }

    /// `2025-03-14 08:00:01`, or `-` for none.
    func dateTime(_ date: Date?) -> String { date.map { dateTime($0) } ?? "-" }

    /// `UTC`, or `Europe/Paris (UTC+01:00)` at `date`.
    func zoneLabel(at date: Date) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        if timeZone.identifier == "UTC" || timeZone.identifier == "GMT" { return "UTC" }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        let offset = "UTC\(sign)\(Self.pad(minutes / 60)):\(Self.pad(minutes % 60))"
        return "\(timeZone.identifier) (\(offset))"
    }

    /// ISO-8601 in UTC with seconds (`2025-03-14T08:00:01Z`), for CSV and JSON.
    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    private static func formatter(_ format: String, _ timeZone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = format
        return formatter
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
