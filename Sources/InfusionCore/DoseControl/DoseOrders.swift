public import Foundation

// The events an accepted dose intent becomes. The app journals one durably, then sends
// the pump its command (`pumpTarget`); the chair shows it pending until the pump reports.

/// A physician's accepted rate change: who, when, old and new in both units, and why.
public struct RateChangeOrder: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    public var by: OperatorIdentity
    public var at: Date
    public var oldRate: MilligramsPerKilogramPerHour
    public var newRate: MilligramsPerKilogramPerHour
    public var oldFlow: MillilitersPerHour
    /// What the pump is told to run at.
    public var newFlow: MillilitersPerHour
    public var concentration: MilligramsPerMilliliter
    public var weight: Kilograms
    /// The reason given for passing a soft limit (required then, optional otherwise).
    public var reason: String?
    /// Whether the change passed a soft limit (with a second confirmation).
    public var overrodeSoftLimit: Bool
    /// When the pump must have confirmed the rate, or a technical alarm is raised.
    public var deadline: Date

    public init(
        chair: ChairID, session: SessionID, by: OperatorIdentity, at: Date, oldRate: MilligramsPerKilogramPerHour,
        newRate: MilligramsPerKilogramPerHour, oldFlow: MillilitersPerHour, newFlow: MillilitersPerHour,
        concentration: MilligramsPerMilliliter, weight: Kilograms, reason: String?, overrodeSoftLimit: Bool, deadline: Date
    ) {
        self.chair = chair
        self.session = session
        self.by = by
        self.at = at
        self.oldRate = oldRate
        self.newRate = newRate
        self.oldFlow = oldFlow
        self.newFlow = newFlow
        self.concentration = concentration
        self.weight = weight
        self.reason = reason
        self.overrodeSoftLimit = overrodeSoftLimit
        self.deadline = deadline
    }
}

/// Pause, resume (restart) or stop, as the operator ordered it.
public enum InfusionControlAction: String, Hashable, Codable, Sendable {
    case pause
    case resume
    case stop

    /// The role check this action needs.
    public var doseAction: DoseAction {
        switch self {
        case .pause: .pause
        case .resume: .resume
        case .stop: .stop
        }
    }

    /// `PAUSE`, `RESUME` or `STOP`.
    public var word: String { rawValue.uppercased() }
}

/// An accepted pause, resume or stop.
public struct InfusionControlOrder: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    public var action: InfusionControlAction
    public var by: OperatorIdentity
    public var at: Date
    public var deadline: Date

    public init(chair: ChairID, session: SessionID, action: InfusionControlAction, by: OperatorIdentity, at: Date, deadline: Date) {
        self.chair = chair
        self.session = session
        self.action = action
        self.by = by
        self.at = at
        self.deadline = deadline
    }
}

/// An accepted weight correction (kg only, dated). While infusing it reprograms the pump:
/// the same mg/kg/h is a different mL/h for a different weight.
public struct WeightChange: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    public var by: OperatorIdentity
    public var at: Date
    public var oldWeight: Kilograms
    public var newWeight: Kilograms
    /// When the new weight was measured.
    public var measuredAt: Date
    /// The dose rate kept (mg/kg/h), when the pump is running.
    public var rate: MilligramsPerKilogramPerHour?
    /// The new flow for the pump, nil when it is not running (nothing to reprogram).
    public var newFlow: MillilitersPerHour?
    public var deadline: Date

    public init(
        chair: ChairID, session: SessionID, by: OperatorIdentity, at: Date, oldWeight: Kilograms, newWeight: Kilograms,
        measuredAt: Date, rate: MilligramsPerKilogramPerHour?, newFlow: MillilitersPerHour?, deadline: Date
    ) {
        self.chair = chair
        self.session = session
        self.by = by
        self.at = at
        self.oldWeight = oldWeight
        self.newWeight = newWeight
        self.measuredAt = measuredAt
        self.rate = rate
        self.newFlow = newFlow
        self.deadline = deadline
    }
}

extension ClinicEventPayload {
    /// The pump command an accepted dose event asks for, to send once the event is durably
    /// journaled: map `.rate(flow, _)` to `PumpCommand.setRate(flow)`, `.paused` to `.pause`,
    /// `.running` to `.resume`, `.stopped` to `.stop`, and send to the chair's pump.
    public var pumpTarget: (chair: ChairID, target: PendingPumpCommand.Target)? {
        switch self {
        case .rateChangeOrdered(let order): (order.chair, .rate(order.newFlow, order.newRate))
        case .infusionControlOrdered(let order): (order.chair, PendingPumpCommand.Target(order.action))
        case .weightChanged(let change):
            change.newFlow.map { (change.chair, .rate($0, change.rate ?? .zero)) }
        default: nil
        }
    }
}
