public import Foundation

/// What the weight-change confirmation shows: the same mg/kg/h is a different mL/h.
public struct WeightChangePreview: Hashable, Sendable {
    public var chair: ChairID
    public var chairLabel: String
    public var session: SessionID
    public var patient: String
    public var by: OperatorIdentity
    public var oldWeight: Kilograms
    public var newWeight: Kilograms
    public var measuredAt: Date
    public var concentration: MilligramsPerMilliliter
    /// The dose rate kept, when the pump is running (nil: nothing to reprogram).
    public var rate: MilligramsPerKilogramPerHour?
    public var oldFlow: MillilitersPerHour?
    public var newFlow: MillilitersPerHour?
    public var oldPlannedDose: Milligrams
    public var newPlannedDose: Milligrams

    /// Dialog lines, with `date` formatting the measurement date.
    public func lines(date: (Date) -> String) -> [String] {
        var lines = [
            "\(chairLabel)  \(patient)",
            "Weight \(oldWeight.formatted) → \(newWeight) (measured \(date(measuredAt)))",
            "Planned dose \(oldPlannedDose.formatted) → \(newPlannedDose)",
        ]
        if let rate, let oldFlow, let newFlow {
            lines.append("Pump \(oldFlow.formatted) → \(newFlow) for \(rate) at \(concentration)")
        }
        return lines
    }

    /// The event recording the change once confirmed: journal it, then (if `newFlow`) command the pump.
    public func makeOrder(at now: Date, confirmationTimeout: TimeInterval) -> ClinicEventPayload {
        .weightChanged(WeightChange(
            chair: chair, session: session, by: by, at: now, oldWeight: oldWeight, newWeight: newWeight,
            measuredAt: measuredAt, rate: rate, newFlow: newFlow, deadline: now.addingTimeInterval(confirmationTimeout)))
    }
}

/// Checks a weight correction: kg only, plausible, dated no later than now, before the
/// infusion ends; a change above 10 % must be typed again; a physician only, since it
/// reprograms the pump while infusing.
public enum WeightChangeValidator {
    public static func check(
        _ intent: WeightChangeIntent, state: ClinicState, library: DrugLibrary, access: Authenticator, at now: Date
    ) -> DoseCheck<WeightChangePreview> {
        let identity: OperatorIdentity, context: DoseContext
        switch DoseContext.authorized(
            .changeWeight, chair: intent.chair, state: state, library: library, access: access, now: now) {
        case .failure(let refusal): return .refused(refusal)
        case .success(let found): (identity, context) = found
        }
        let session = context.session
        guard [.admitted, .infusing, .paused].contains(session.phase) else {
            return .refused(.notAllowedNow("The infusion has ended: the weight can no longer change the dose"))
        }
        let new = intent.newWeight
        guard WeightChangeIntent.plausibleRange.contains(new.value) else {
            return .refused(.invalidValue(
                "\(new) is outside \(NumberText.whole(WeightChangeIntent.plausibleRange.lowerBound))–"
                    + "\(NumberText.whole(WeightChangeIntent.plausibleRange.upperBound)) kg (kg only, never lb)"))
        }
        guard intent.measuredAt <= now else { return .refused(.invalidValue("The weight cannot be measured in the future")) }
        guard new.formatted != session.weight.formatted else { return .refused(.noChange) }
        let running = context.report?.status.isDelivering == true
        let rate = running ? context.reportedRate : nil
        let preview = WeightChangePreview(
            chair: context.chair.id, chairLabel: context.chair.label, session: session.id,
            patient: session.start.patient.shortLabel, by: identity, oldWeight: session.weight, newWeight: new,
            measuredAt: intent.measuredAt, concentration: context.concentration, rate: rate,
            oldFlow: running ? context.reportedFlow : nil,
            newFlow: rate.map { DoseMath.flow(for: $0, weight: new, concentration: context.concentration) },
            oldPlannedDose: session.plannedDose, newPlannedDose: session.order.plannedMass(weight: new))
        if abs(new.value / session.weight.value - 1) > WeightChangeIntent.reentryFraction {
            guard let reentry = intent.reentry else {
                return .needs(.reentry(fold: new.value / session.weight.value, factor: 1 + WeightChangeIntent.reentryFraction),
                              preview)
            }
            guard reentry.formatted == new.formatted else { return .refused(.reentryMismatch) }
        }
        return .ready(preview)
    }
}
