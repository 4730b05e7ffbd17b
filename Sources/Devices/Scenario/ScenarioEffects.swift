import InfusionCore

/// What the scenario does to one chair at one instant: offsets on the patient and the
/// state of its devices. Recomputed every simulated second from the windows in force.
struct ScenarioEffects: Sendable, Equatable {
    var adjustments = PhysiologyAdjustments.none
    var isMonitorSilent = false
    var isProbeOff = false
    var isPumpOccluded = false
    var isPumpSilent = false
    var pumpIgnoresCommands = false

    static let none = ScenarioEffects()
}

/// One chair's scenario events as windows of simulation ticks (whole seconds since the
/// simulation's origin).
struct ChairScenario: Sendable {
    struct Window: Sendable {
        var start: Int
        var end: Int
        var event: ScenarioEvent
    }

    private(set) var windows: [Window] = []

    /// Adds `event`, whose times count from `startTick` (the board's go-live tick).
    mutating func add(_ event: ScenarioEvent, startTick: Int) {
        let start = startTick + Int(event.at.rounded())
        windows.append(Window(start: start, end: start + Int(event.duration.rounded()), event: event))
    }

    /// The combined effect of every window in force at `tick`; overlapping offsets add up.
    func effects(at tick: Int, startTick: Int) -> ScenarioEffects {
        guard !windows.isEmpty else { return .none }
        var effects = ScenarioEffects()
        for window in windows where tick >= window.start && tick < window.end {
            let fraction = window.event.rampFraction(at: Double(tick - startTick))
            switch window.event.kind {
            case .bloodPressureSurge(let systolic, let diastolic):
                effects.adjustments.systolicOffsetMillimetersOfMercury += systolic * fraction
                effects.adjustments.diastolicOffsetMillimetersOfMercury += diastolic * fraction
            case .spo2Dip(let points):
                effects.adjustments.spo2OffsetPercent -= points * fraction
            case .heartRateRise(let beats):
                effects.adjustments.heartRateOffsetBeatsPerMinute += beats * fraction
            case .monitorSilent: effects.isMonitorSilent = true
            case .probeOff: effects.isProbeOff = true
            case .pumpOcclusion: effects.isPumpOccluded = true
            case .pumpSilent: effects.isPumpSilent = true
            case .pumpIgnoresCommands: effects.pumpIgnoresCommands = true
            }
        }
        return effects
    }
}
