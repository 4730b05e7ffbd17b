public import Foundation

/// Wall-clock `HH:MM:SS` by arithmetic, without a `DateFormatter` per frame.
///
/// The station redraws every second and lists up to 60 log lines per chair, so the
/// time of day is computed from the zone's offset at that instant (which also gets
/// daylight-saving changes right) instead of allocating formatters.
public enum TimeOfDay {
    /// `HH:MM:SS` (24-hour) of `date` in `zone`.
    public static func text(_ date: Date, in zone: DisplayZone) -> String {
        let seconds = zone.wallSeconds(date)
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        return pad(ofDay / 3600) + ":" + pad((ofDay % 3600) / 60) + ":" + pad(ofDay % 60)
    }

    /// `HH:MM` of `date` in `zone` (for compact lists of readings).
    public static func shortText(_ date: Date, in zone: DisplayZone) -> String {
        String(text(date, in: zone).prefix(5))
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
