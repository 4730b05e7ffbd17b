import Foundation

/// Simulated time as whole-second ticks since the origin, and the report cadences.
///
/// Why ticks: the engine steps in 1 s; integer ticks keep "every 5 s" exact over hours
/// (adding 1.0 to a `Date` a million times drifts; multiplying does not).
struct SimulationSchedule: Sendable {
    let origin: Date
    /// Tick at which the board goes live (`startTime`): the length of the history.
    let startTick: Int
    /// Periodic reports before `startTick - historyReportInterval` come this often at most.
    let historyReportInterval: Int
    let session: SessionTimings
    let monitor: MonitorTimings
    let pump: PumpTimings

    init(configuration: SimulationConfiguration) {
        origin = configuration.origin
        startTick = Int(configuration.history.rounded())
        historyReportInterval = max(1, Int(configuration.historyReportInterval.rounded()))
        session = configuration.session
        monitor = configuration.monitor
        pump = configuration.pump
    }

    func date(_ tick: Int) -> Date { origin.addingTimeInterval(TimeInterval(tick)) }

    /// The last tick at or before `date` (ticks before the origin are -1).
    func tick(atOrBefore date: Date) -> Int {
        let seconds = date.timeIntervalSince(origin)
        return seconds < 0 ? -1 : Int(seconds.rounded(.down))
    }

    /// Whether a periodic report with `interval` seconds and `phase` offset falls on `tick`;
    /// thinned to `historyReportInterval` early in the history.
    func isPeriodicDue(_ tick: Int, interval: TimeInterval, phase: Int) -> Bool {
        var every = max(1, Int(interval.rounded()))
        if tick < startTick - historyReportInterval { every = max(every, historyReportInterval) }
        let offset = tick - phase
        return offset >= 0 && offset % every == 0
    }

    static func seconds(_ interval: TimeInterval) -> Int { max(1, Int(interval.rounded())) }
}
