public import Foundation

/// What the pause / resume / stop confirmation shows.
public struct InfusionControlPreview: Hashable, Sendable {
    public var chair: ChairID
    public var chairLabel: String
    public var session: SessionID
    public var patient: String
    public var action: InfusionControlAction
    public var by: OperatorIdentity
    /// What the pump reports now (0 when not delivering).
    public var currentRate: MilligramsPerKilogramPerHour
    public var currentFlow: MillilitersPerHour
    public var doseGiven: Milligrams
    public var plannedDose: Milligrams
    /// For the first start of an infusion: the order it starts, in mg/kg, total mg, mg/kg/h and mL/h.
    public var startOrder: [String]?

    /// Dialog lines: `PAUSE CHAIR-01  A.T. 0001`, the rate, and the dose so far (for a
    /// first start, the order being started instead).
    public var lines: [String] {
        if let startOrder { return ["START \(chairLabel)  \(patient)"] + startOrder }
        return [
            "\(action.word) \(chairLabel)  \(patient)",
            "Now \(currentRate) (\(currentFlow))",
            "Given \(doseGiven) of \(plannedDose)",
        ]
    }

    /// The event recording the action once confirmed: journal it durably, then command the pump.
    public func makeOrder(at now: Date, confirmationTimeout: TimeInterval) -> ClinicEventPayload {
        .infusionControlOrdered(InfusionControlOrder(
            chair: chair, session: session, action: action, by: by, at: now,
            deadline: now.addingTimeInterval(confirmationTimeout)))
    }
}

/// Checks pause, resume (a restart: physician only) and stop (any signed-in clinician).
public enum InfusionControlValidator {
    public static func check(
        _ intent: InfusionControlIntent, state: ClinicState, library: DrugLibrary, access: Authenticator, at now: Date
    ) -> DoseCheck<InfusionControlPreview> {
        let identity: OperatorIdentity, context: DoseContext
        switch DoseContext.authorized(
            intent.action.doseAction, chair: intent.chair, state: state, library: library, access: access, now: now) {
        case .failure(let refusal): return .refused(refusal)
        case .success(let found): (identity, context) = found
        }
        guard context.session.phase.followsPump, let status = context.report?.status else {
            return .refused(.notAllowedNow("The pump has not reported: nothing to \(intent.action.rawValue)"))
        }
        switch intent.action {
        case .pause:
            guard status.isDelivering else { return .refused(.notAllowedNow("The pump is not infusing")) }
        case .resume:
            guard status == .paused || status == .idle else {
                return .refused(.notAllowedNow("The pump is \(status.label), not paused: it cannot resume"))
            }
            if context.session.doseGiven >= context.session.plannedDose {
                return .refused(.notAllowedNow("The planned dose has been given"))
            }
        case .stop:
            guard status.isDelivering || status == .paused || status == .alarmStopped || status == .idle else {
                return .refused(.notAllowedNow("The infusion has already ended"))
            }
        }
        let session = context.session
        let order = session.order
        let startOrder = intent.action == .resume && status == .idle && session.doseGiven.value == 0
            ? ["\(order.drugName) \(order.dose) = \(session.plannedDose) over \(Int(order.duration / 60)) min",
               "= \(order.doseRate) = \(order.flow(weight: session.weight)) at \(order.concentration), \(session.weight)"]
            : nil
        return .ready(InfusionControlPreview(
            chair: context.chair.id, chairLabel: context.chair.label, session: context.session.id,
            patient: context.session.start.patient.shortLabel, action: intent.action, by: identity,
            currentRate: context.reportedRate, currentFlow: context.reportedFlow, doseGiven: context.session.doseGiven,
            plannedDose: context.session.plannedDose, startOrder: startOrder))
    }
}
