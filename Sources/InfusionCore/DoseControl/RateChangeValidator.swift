public import Foundation

/// Checks a rate change against the signed-in clinician, the session and the drug library.
///
/// Pure: the same state, library, sign-in and time give the same answer. The order of
/// checks is fixed: who, the chair's state, the value, hard limits (refused, no
/// override), then what the operator must still do: type a large change again, then give
/// a reason for a soft limit. Call again at Enter; only `.ready` may become an order.
public enum RateChangeValidator {
    /// The rate the dialog must show as current (the pump's reported rate in mg/kg/h), or nil
    /// when the chair has no running infusion to change.
    public static func currentRate(of chair: ChairID, in state: ClinicState, library: DrugLibrary, at now: Date)
        -> MilligramsPerKilogramPerHour?
    {
        guard case .success(let context) = DoseContext.make(chair, state: state, library: library, now: now),
            context.report?.status.isDelivering == true
        else { return nil }
        return context.reportedRate
    }

    public static func check(
        _ intent: RateChangeIntent, state: ClinicState, library: DrugLibrary, access: Authenticator, at now: Date
    ) -> DoseCheck<RateChangePreview> {
        let action: DoseAction = intent.newRate > intent.oldRate ? .increaseRate : .decreaseRate
        let identity: OperatorIdentity, context: DoseContext
        switch DoseContext.authorized(
            action, chair: intent.chair, state: state, library: library, access: access, now: now) {
        case .failure(let refusal): return .refused(refusal)
        case .success(let found): (identity, context) = found
        }
        guard context.session.phase == .infusing, let report = context.report, report.status.isDelivering else {
            return .refused(.notAllowedNow("The pump is not infusing: resume it first, then change the rate"))
        }
        let current = context.reportedRate
        guard abs(current.value - intent.oldRate.value) <= max(0.005, current.value * 0.01) else {
            return .refused(.rateChangedMeanwhile(current: current))
        }
        let new = intent.newRate
        guard new.value.isFinite, new.value > 0 else {
            return .refused(.invalidValue("The new rate must be more than 0 mg/kg/h (to stop the flow, pause)"))
        }
        guard new.formatted != current.formatted else { return .refused(.noChange) }
        let limits = context.entry.rateLimits
        if new > limits.hardUpper { return .refused(.aboveHardLimit(limits.hardUpper)) }
        if new < limits.hardLower { return .refused(.belowHardLimit(limits.hardLower)) }
        let preview = makePreview(intent, context: context, current: current, by: identity, at: now)
        if preview.projectedTotalPerKilogram > context.entry.totalDoseLimits.hard {
            return .refused(.totalAboveHardLimit(
                projected: preview.projectedTotalPerKilogram, limit: context.entry.totalDoseLimits.hard))
        }
        let fold = max(new.value / current.value, current.value / new.value)
        if fold > context.entry.maxChangeFactor + 1e-9 {
            guard let reentry = intent.reentry else {
                return .needs(.reentry(fold: new.value / current.value, factor: context.entry.maxChangeFactor), preview)
            }
            guard reentry.formatted == new.formatted else { return .refused(.reentryMismatch) }
        }
        if let note = preview.softLimitNotes.first, intent.reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            return .needs(.reason(note), preview)
        }
        return .ready(preview)
    }

    private static func makePreview(
        _ intent: RateChangeIntent, context: DoseContext, current: MilligramsPerKilogramPerHour,
        by identity: OperatorIdentity, at now: Date
    ) -> RateChangePreview {
        let session = context.session
        let massRate = DoseMath.massRate(intent.newRate, weight: context.weight)
        let total = context.projectedTotal
        let remaining = DoseMath.timeToDeliver(total - session.doseGiven, at: massRate)
        let limits = context.entry.rateLimits
        var notes: [String] = []
        if intent.newRate > limits.softUpper { notes.append("\(intent.newRate) above soft limit \(limits.softUpper)") }
        if intent.newRate < limits.softLower { notes.append("\(intent.newRate) below soft limit \(limits.softLower)") }
        let totalPerKilogram = DoseMath.dose(total, weight: context.weight)
        if totalPerKilogram > context.entry.totalDoseLimits.soft {
            notes.append("total \(totalPerKilogram) above soft limit \(context.entry.totalDoseLimits.soft)")
        }
        let reason = intent.reason?.trimmingCharacters(in: .whitespaces)
        return RateChangePreview(
            chair: context.chair.id, chairLabel: context.chair.label, session: session.id,
            patient: session.start.patient.shortLabel, drugName: context.entry.name, by: identity,
            concentration: context.concentration, weight: context.weight, weighedAt: session.start.weighedAt,
            oldRate: current, newRate: intent.newRate, oldFlow: context.reportedFlow,
            newFlow: DoseMath.flow(for: massRate, concentration: context.concentration), newMassRate: massRate,
            foldChange: intent.newRate.value / current.value, doseGiven: session.doseGiven, projectedTotal: total,
            predictedEnd: remaining.map { now.addingTimeInterval($0) }, softLimitNotes: notes,
            reason: reason?.isEmpty == true ? nil : reason)
    }
}
