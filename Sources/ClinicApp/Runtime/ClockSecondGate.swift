import Foundation

/// Passes when something changed or a new second of the clock began: the cadence of the
/// work only time drives (alarm timeouts, session phases, the idle lock, sound repeats),
/// decided to the second, as a monitor's own alarm cycle does, instead of on every turn of
/// the UI loop (four a second while an alarm flashes: BENCHMARKS.md, "CPU").
struct ClockSecondGate {
    private var second = -Double.infinity

    /// Whether to do the work now; records `now`'s second when it passes.
    mutating func passes(at now: Date, changed: Bool) -> Bool {
        let current = now.timeIntervalSince1970.rounded(.down)
        guard changed || current != second else { return false }
        second = current
        return true
    }
}
