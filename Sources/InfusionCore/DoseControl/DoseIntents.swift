public import Foundation

/// The operator asks to change a chair's dose rate (from `+`/`-` or a typed value).
///
/// An intent changes nothing: `RateChangeValidator` checks it against the drug library,
/// the session and the signed-in clinician; only an accepted one becomes an event.
public struct RateChangeIntent: Hashable, Sendable {
    public var chair: ChairID
    /// The rate the dialog showed as current when it opened (a changed pump refuses the intent).
    public var oldRate: MilligramsPerKilogramPerHour
    public var newRate: MilligramsPerKilogramPerHour
    /// The reason given for passing a soft limit (pick-list or typed).
    public var reason: String?
    /// The new rate typed a second time, required for a change larger than the drug's factor.
    public var reentry: MilligramsPerKilogramPerHour?

    public init(
        chair: ChairID, oldRate: MilligramsPerKilogramPerHour, newRate: MilligramsPerKilogramPerHour,
        reason: String? = nil, reentry: MilligramsPerKilogramPerHour? = nil
    ) {
        self.chair = chair
        self.oldRate = oldRate
        self.newRate = newRate
        self.reason = reason
        self.reentry = reentry
    }

    /// The intent for one `+` (direction 1) or `-` (direction -1) from `current`: the next
    /// multiple of `step` in that direction. Nil when stepping down would reach 0 (pause instead).
    public static func step(
        chair: ChairID, from current: MilligramsPerKilogramPerHour, by step: MilligramsPerKilogramPerHour, direction: Int
    ) -> RateChangeIntent? {
        guard step.value > 0, direction != 0 else { return nil }
        // The pump reports mL/h to 0.1, so a rate on the grid comes back slightly off it
        // (79.7 mL/h at 106.3 kg is 0.7497 mg/kg/h): within 5 % of a step counts as on it.
        let position = current.value / step.value
        let snap = 0.05
        let steps = direction > 0 ? (position + snap).rounded(.down) + 1 : (position - snap).rounded(.up) - 1
        let value = (steps * step.value * 1e6).rounded() / 1e6
        guard value > 0 else { return nil }
        return RateChangeIntent(chair: chair, oldRate: current, newRate: MilligramsPerKilogramPerHour(value))
    }
}

/// The operator asks to correct a patient's weight (kg only, with the date it was measured).
public struct WeightChangeIntent: Hashable, Sendable {
    public var chair: ChairID
    public var oldWeight: Kilograms
    public var newWeight: Kilograms
    public var measuredAt: Date
    /// The new weight typed a second time, required for a change above `WeightChangeIntent.reentryFraction`.
    public var reentry: Kilograms?

    /// A weight change of more than 10 % is a likely slip (lb for kg, a decimal) and must be typed again.
    public static let reentryFraction = 0.10
    /// Weights outside this range (kg) are refused as implausible for an adult infusion.
    public static let plausibleRange = 20.0...300.0

    public init(chair: ChairID, oldWeight: Kilograms, newWeight: Kilograms, measuredAt: Date, reentry: Kilograms? = nil) {
        self.chair = chair
        self.oldWeight = oldWeight
        self.newWeight = newWeight
        self.measuredAt = measuredAt
        self.reentry = reentry
    }
}

/// The operator asks to pause, resume (restart) or stop a chair's infusion.
public struct InfusionControlIntent: Hashable, Sendable {
    public var chair: ChairID
    public var action: InfusionControlAction

    public init(chair: ChairID, action: InfusionControlAction) {
        self.chair = chair
        self.action = action
    }
}

/// What the operator must still do before an intent can be confirmed with Enter.
public enum ConfirmationStep: Hashable, Sendable {
    /// Type the new value again: the change is larger than the drug's factor (a likely slip).
    case reentry(fold: Double, factor: Double)
    /// Give a reason (second confirmation): a soft limit is passed; the text names it.
    case reason(String)

    /// What the dialog says.
    public var prompt: String {
        switch self {
        case .reentry(let fold, let factor):
            "Change ×\(NumberText.fixed(fold, decimals: 2)) exceeds ×\(NumberText.fixed(factor, decimals: 2)): type the new value again"
        case .reason(let limit): "\(limit): give a reason to continue"
        }
    }
}
