public import Foundation

/// Durations as scenario files write them: `"90s"`, `"5m"`, `"1h10m"`, `"1h10m30s"`.
///
/// Why a string and not a bare number: `at = 5` could be seconds or minutes; a unit on
/// every figure removes the doubt. Units go from hours to seconds, each at most once,
/// whole numbers only.
public enum ScenarioDuration {
    /// The number of seconds `text` stands for, or nil if it is not a valid duration.
    ///
    /// ```swift
    /// ScenarioDuration.seconds(in: "1h10m")   // 4200
    /// ScenarioDuration.seconds(in: "10m1h")   // nil (units out of order)
    /// ```
    public static func seconds(in text: String) -> TimeInterval? {
        let units: [(Character, Int)] = [("h", 3600), ("m", 60), ("s", 1)]
        var total = 0
        var digits = ""
        var nextUnit = 0
        var sawTerm = false
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                guard digits.count <= 6 else { return nil }
                continue
            }
            guard !digits.isEmpty, let number = Int(digits),
                let index = units[nextUnit...].firstIndex(where: { $0.0 == character })
            else { return nil }
            total += number * units[index].1
            nextUnit = index + 1
            digits = ""
            sawTerm = true
        }
        guard digits.isEmpty, sawTerm else { return nil }
        return TimeInterval(total)
    }

    /// The shortest text for whole `seconds` (`4200` → `"1h10m"`, `0` → `"0s"`).
    public static func text(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds).rounded())
        let hours = total / 3600, minutes = (total % 3600) / 60, secs = total % 60
        var text = ""
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if secs > 0 || text.isEmpty { text += "\(secs)s" }
        return text
    }
}
