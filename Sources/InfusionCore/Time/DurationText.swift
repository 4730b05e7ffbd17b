public import Foundation

/// Clock-face text for elapsed times and ages.
public enum DurationText {
    /// `mm:ss`, or `h:mm:ss` from one hour (`12:30`, `1:05:00`). Negative values show as `0:00`.
    public static func clock(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds).rounded(.down))
        let hours = total / 3600, minutes = (total % 3600) / 60, secs = total % 60
        if hours > 0 { return "\(hours):\(pad(minutes)):\(pad(secs))" }
        return "\(pad(minutes)):\(pad(secs))"
    }

    /// A short age: `12s`, `4m`, `2h` (for "BP 128/82 4m").
    public static func age(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds).rounded(.down))
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" }
        return "\(total / 3600)h"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension DurationText {
    /// Parses a duration such as `"90s"`, `"10m"`, `"1h30m"` or `"2h"` into seconds.
    ///
    /// Returns nil for anything else (no bare numbers, no negative values, no unknown
    /// units), so that configuration and scenario files get a clear error instead of a guess.
    public static func parse(_ text: String) -> TimeInterval? {
        var total: Double = 0
        var digits = ""
        var sawUnit = false
        for character in text.trimmingCharacters(in: .whitespaces) {
            if character.isASCII, character.isNumber || character == "." {
                digits.append(character)
                continue
            }
            guard let amount = Double(digits) else { return nil }
            switch character {
            case "h": total += amount * 3600
            case "m": total += amount * 60
            case "s": total += amount
            default: return nil
            }
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit else { return nil }
        return total
    }
}
