/// Number formatting that never produces an ambiguous decimal.
///
/// ISMP: a naked decimal (`.75`) is read as 75, a trailing zero (`5.0`) as 50. Screen
/// numbers therefore always have a leading zero and a fixed number of decimals per
/// unit; whole-number counts use `whole`.
public enum NumberText {
    /// `value` with exactly `decimals` decimals and a leading zero (`0.75`, `12.5`, `-0.10`).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "--" }
        let places = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        var scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        let whole = Int((scaled / scale).rounded(.down))
        scaled -= Double(whole) * scale
        var text = negative ? "-\(whole)" : "\(whole)"
        if places > 0 {
            var fraction = String(Int(scaled.rounded()))
            while fraction.count < places { fraction = "0" + fraction }
            text += "." + fraction
        }
        return text
    }

    /// `value` rounded to a whole number (`72`).
    public static func whole(_ value: Double) -> String {
        guard value.isFinite else { return "--" }
        return String(Int(value.rounded()))
    }
}
