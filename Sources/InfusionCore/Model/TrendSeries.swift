public import Foundation

/// A bounded history of one parameter: one point per minute for continuous vitals
/// (the mean of that minute), one point per reading for episodic NIBP.
///
/// Points are never interpolated; a minute with no data has no point.
public struct TrendSeries: Hashable, Codable, Sendable {
    public struct Point: Hashable, Codable, Sendable {
        /// Start of the minute (continuous) or the measurement time (episodic).
        public var time: Date
        public var value: Double
        /// Samples averaged into this point.
        public var count: Int
    }

    /// How many points are kept (the oldest go first).
    public let capacity: Int
    public private(set) var points: [Point] = []

    public init(capacity: Int = 240) { self.capacity = max(1, capacity) }

    /// Adds a minute-bucketed sample (continuous vitals).
    public mutating func addToMinute(_ value: Double, at time: Date) {
        let minute = Date(timeIntervalSince1970: (time.timeIntervalSince1970 / 60).rounded(.down) * 60)
        if let last = points.last, last.time == minute {
            let count = last.count + 1
            points[points.count - 1].value = last.value + (value - last.value) / Double(count)
            points[points.count - 1].count = count
        } else if let last = points.last, last.time > minute {
            return  // late sample for a closed minute: the trend is not rewritten
        } else {
            append(Point(time: minute, value: value, count: 1))
        }
    }

    /// Adds one reading at its own time (episodic NIBP).
    public mutating func addReading(_ value: Double, at time: Date) {
        if let last = points.last, last.time >= time { return }
        append(Point(time: time, value: value, count: 1))
    }

    /// The last `count` values, oldest first (for a sparkline).
    public func recentValues(_ count: Int) -> [Double] { points.suffix(count).map(\.value) }

    private mutating func append(_ point: Point) {
        points.append(point)
        if points.count > capacity { points.removeFirst(points.count - capacity) }
    }
}
