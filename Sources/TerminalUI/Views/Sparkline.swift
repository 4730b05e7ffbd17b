public import Foundation
public import InfusionCore

/// A one-row chart of a trend: one cell per point, height by value.
///
/// Points are never interpolated: a minute with no data is a blank cell, so a gap in
/// monitoring is visible as a gap. The scale is the shown points' own min..max,
/// widened to `minimumSpan` so that a flat, normal trend does not look like a swing.
public enum Sparkline {
    /// The cells for `values` (nil = gap), lowest level for the minimum.
    public static func text(_ values: [Double?], glyphs: GlyphSet, minimumSpan: Double = 0) -> String {
        var low = Double.infinity
        var high = -Double.infinity
        for case let value? in values {
            low = min(low, value)
            high = max(high, value)
        }
        guard low <= high else { return String(repeating: " ", count: values.count) }
        // UTF-8 bytes, then one `String`: a block glyph is three bytes, and appending a
        // `String` (or a scalar to a `String`) per cell was most of a tile's render cost.
        let levels = glyphs.sparkLevels
        let span = max(high - low, minimumSpan)
        let floor = span > high - low ? low - (span - (high - low)) / 2 : low
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 3)
        for value in values {
            guard let value else {
                bytes.append(UInt8(ascii: " "))
                continue
            }
            guard span > 0 else {
                bytes.append(contentsOf: levels[levels.count / 2].utf8)
                continue
            }
            let position = (value - floor) / span * Double(levels.count - 1)
            bytes.append(contentsOf: levels[min(levels.count - 1, max(0, Int(position.rounded())))].utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The last `width` points of a minute trend, placed by their minute so that gaps show;
    /// the rightmost cell is the minute of `now`.
    public static func minuteValues(_ series: TrendSeries, width: Int, now: Date) -> [Double?] {
        guard width > 0 else { return [] }
        var cells = [Double?](repeating: nil, count: width)
        let nowMinute = Int((now.timeIntervalSince1970 / 60).rounded(.down))
        for point in series.points.reversed() {
            let minute = Int((point.time.timeIntervalSince1970 / 60).rounded(.down))
            let offset = nowMinute - minute
            if offset >= width { break }
            if offset >= 0 { cells[width - 1 - offset] = point.value }
        }
        return cells
    }

    /// A sensible smallest scale per parameter (a 2-bpm wobble is not drawn full height).
    public static func minimumSpan(for kind: VitalKind) -> Double {
        switch kind {
        case .heartRate: 20
        case .spo2: 6
        case .systolic, .diastolic, .meanPressure: 30
        case .respiratoryRate: 8
        case .etco2: 10
        case .temperature: 1
        }
    }
}
