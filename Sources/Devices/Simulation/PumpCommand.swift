public import InfusionCore

/// A remote command for a pump, as the station sends it after an accepted operator intent.
///
/// The pump applies it after its confirmation delay and then reports; the station must
/// treat the change as pending until that report arrives (a scenario can make the pump
/// ignore commands, so the report may never come).
public enum PumpCommand: Hashable, Sendable {
    /// New flow; must be greater than 0 (a pump refuses 0 mL/h: pause instead).
    /// While delivering it takes effect at once; while paused or idle it is stored for resume.
    case setRate(MillilitersPerHour)
    /// Stop delivering, able to resume.
    case pause
    /// Resume a paused pump, or start a programmed idle one.
    case resume
    /// End the infusion for good (the session moves to infusion complete).
    case stop
}

extension PumpCommand {
    /// The command that makes a pump do what a pending command waits to see.
    public init(_ target: PendingPumpCommand.Target) {
        switch target {
        case .rate(let flow, _): self = .setRate(flow)
        case .paused: self = .pause
        case .running: self = .resume
        case .stopped: self = .stop
        }
    }
}
