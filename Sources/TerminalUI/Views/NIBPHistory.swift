import Foundation
public import InfusionCore

/// Recent NIBP readings, each at its own time (`08:46 121/77(92)`): NIBP is episodic,
/// so it is listed by reading rather than drawn as if it were continuous.
public enum NIBPHistory {
    /// As many of the latest readings as fit in `width` columns, oldest first, or nil
    /// when the chair has none.
    public static func text(for chair: ChairState, width: Int, timeZone: DisplayZone) -> String? {
        guard let systolic = chair.trends[.systolic]?.points, !systolic.isEmpty else { return nil }
        // The other two series looked up once, not per reading (this runs for every chair
        // in every frame).
        let diastolic = chair.trends[.diastolic]?.points ?? []
        let mean = chair.trends[.meanPressure]?.points ?? []
        func value(_ kind: VitalKind, in points: [TrendSeries.Point], at time: Date) -> String? {
            points.last { $0.time == time }.map { kind.format($0.value) }
        }
        var items: [String] = []
        var used = 0
        for point in systolic.reversed() {
            var item = TimeOfDay.shortText(point.time, in: timeZone) + " " + VitalKind.systolic.format(point.value)
            item += "/" + (value(.diastolic, in: diastolic, at: point.time) ?? "--")
            if let mean = value(.meanPressure, in: mean, at: point.time) { item += "(\(mean))" }
            let needed = item.unicodeScalars.count + (items.isEmpty ? 0 : 2)
            if used + needed > width { break }
            used += needed
            items.insert(item, at: 0)
        }
        return items.joined(separator: "  ")
    }
}
