public import Foundation
public import InfusionCore

/// A scripted set of disturbances laid on top of a simulated clinic: a BP surge on one
/// chair, a silent monitor on another. Loaded from a TOML file (docs/scenarios.md).
///
/// Why: alarms, stale-data handling and pump-command timeouts must be demonstrable and
/// testable on demand, not only when the random physiology happens to produce them.
/// A scenario only perturbs: it never changes the session lifecycle or the dose ordered.
public struct Scenario: Hashable, Sendable {
    /// Shown in logs and the header (`BP surge on chair 3`).
    public var name: String
    /// The disturbances, in file order.
    public var events: [ScenarioEvent]

    public init(name: String, events: [ScenarioEvent]) {
        self.name = name
        self.events = events
    }

    /// No disturbance at all.
    public static let none = Scenario(name: "none", events: [])
}

/// One disturbance on one chair over a window of simulated time.
public struct ScenarioEvent: Hashable, Sendable {
    public var chair: ChairID
    /// Seconds of simulated time after the simulation's start (its `startTime`, the
    /// moment the board goes live, not the start of the warm-up history); at least 0.
    public var at: TimeInterval
    /// Seconds the disturbance lasts; greater than 0.
    public var duration: TimeInterval
    public var kind: ScenarioEventKind

    public init(chair: ChairID, at: TimeInterval, duration: TimeInterval, kind: ScenarioEventKind) {
        self.chair = chair
        self.at = at
        self.duration = duration
        self.kind = kind
    }

    /// Seconds after the start at which the disturbance is over.
    public var end: TimeInterval { at + duration }

    /// Whether the disturbance is in force `seconds` after the start (start inclusive, end exclusive).
    public func isActive(at seconds: TimeInterval) -> Bool { seconds >= at && seconds < end }

    /// How far the disturbance has ramped at `seconds` after the start, 0...1.
    ///
    /// A trapezoid: linear rise over the first quarter of the window (at most 3 min),
    /// a plateau, and a linear fall over the last quarter, so offsets never jump.
    public func rampFraction(at seconds: TimeInterval) -> Double {
        guard isActive(at: seconds) else { return 0 }
        let ramp = min(duration / 4, 180)
        guard ramp > 0 else { return 1 }
        let sinceStart = seconds - at, untilEnd = end - seconds
        return min(1, sinceStart / ramp, untilEnd / ramp)
    }
}

/// What a scenario event does. The TOML `kind` names are given with each case.
public enum ScenarioEventKind: Hashable, Sendable {
    /// `bp-surge`: systolic and diastolic offsets (mmHg at the peak), ramped up and down.
    case bloodPressureSurge(systolic: Double, diastolic: Double)
    /// `spo2-dip`: SpO2 lowered by `points` percentage points at the peak, ramped.
    case spo2Dip(points: Double)
    /// `hr-rise`: heart rate raised by `beatsPerMinute` at the peak, ramped.
    case heartRateRise(beatsPerMinute: Double)
    /// `monitor-silent`: the monitor sends nothing for the window, then resumes.
    case monitorSilent
    /// `probe-off`: SpO2 reported unavailable ("probe off") instead of values for the window.
    case probeOff
    /// `pump-occlusion`: a delivering pump stops with an alarm (`alarmStopped`, 0 mL/h)
    /// for the window, then resumes delivery.
    case pumpOcclusion
    /// `pump-silent`: the pump sends nothing for the window; on resuming it sends the
    /// changes it buffered, with their original times, then carries on.
    case pumpSilent
    /// `pump-ignore-commands`: remote commands received during the window are dropped.
    case pumpIgnoresCommands

    /// The name used in scenario files.
    public var name: String {
        switch self {
        case .bloodPressureSurge: "bp-surge"
        case .spo2Dip: "spo2-dip"
        case .heartRateRise: "hr-rise"
        case .monitorSilent: "monitor-silent"
        case .probeOff: "probe-off"
        case .pumpOcclusion: "pump-occlusion"
        case .pumpSilent: "pump-silent"
        case .pumpIgnoresCommands: "pump-ignore-commands"
        }
    }

    /// Every kind name a file may use, for error messages and docs.
    public static let allNames = [
        "bp-surge", "spo2-dip", "hr-rise", "monitor-silent", "probe-off",
        "pump-occlusion", "pump-silent", "pump-ignore-commands",
    ]
}
