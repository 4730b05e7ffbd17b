import Foundation

/// The result of checking a dose intent: refused, one more step needed, or ready for Enter.
public enum DoseCheck<Preview: Hashable & Sendable>: Hashable, Sendable {
    /// Refused; no override. Show `refusal.message`.
    case refused(DoseRefusal)
    /// Show `preview` and ask for `step` (re-entry or a reason), then check again.
    case needs(ConfirmationStep, Preview)
    /// Show `preview`; Enter confirms (check once more at that moment, then make the order).
    case ready(Preview)

    /// The preview, unless refused.
    public var preview: Preview? {
        switch self {
        case .refused: nil
        case .needs(_, let preview), .ready(let preview): preview
        }
    }

    public var refusal: DoseRefusal? { if case .refused(let refusal) = self { refusal } else { nil } }
    public var isReady: Bool { if case .ready = self { true } else { false } }
}

/// What one chair's dose depends on, gathered once for every check: session, pump, drug
/// entry, concentration and dated weight.
struct DoseContext {
    var chair: ChairState
    var session: SessionState
    var report: PumpReport?
    var entry: DrugEntry
    var concentration: MilligramsPerMilliliter

    var weight: Kilograms { session.weight }

    /// The dose rate the pump reports, for this weight and concentration (0 when not flowing).
    var reportedRate: MilligramsPerKilogramPerHour {
        guard let report, report.status.isDelivering else { return .zero }
        return DoseMath.doseRate(report.rate, weight: weight, concentration: concentration)
    }

    var reportedFlow: MillilitersPerHour {
        guard let report, report.status.isDelivering else { return .zero }
        return report.rate
    }

    /// Who may do `action` now, and the chair's context: the first two checks every dose
    /// intent makes, in this order (access first, so a locked station says so before anything).
    static func authorized(
        _ action: DoseAction, chair id: ChairID, state: ClinicState, library: DrugLibrary, access: Authenticator,
        now: Date
    ) -> Result<(OperatorIdentity, DoseContext), DoseRefusal> {
        switch access.authorize(action, at: now) {
        case .failure(let refusal): return .failure(.access(refusal))
        case .success(let who): return make(id, state: state, library: library, now: now).map { (who, $0) }
        }
    }

    static func make(
        _ id: ChairID, state: ClinicState, library: DrugLibrary, now: Date
    ) -> Result<DoseContext, DoseRefusal> {
        guard let chair = state[chair: id] else { return .failure(.unknownChair) }
        guard let session = chair.session, chair.isOccupied else { return .failure(.noSession) }
        if let pending = chair.pendingCommand, !pending.isOverdue(at: now) { return .failure(.commandPending) }
        guard let entry = library.entry(named: session.order.drugName) else {
            return .failure(.noDrugEntry(session.order.drugName))
        }
        let ordered = session.order.concentration
        guard entry.isStandard(ordered) else {
            return .failure(.concentration("\(ordered) is not a standard \(entry.name) concentration"))
        }
        let report = chair.pump?.lastReport
        if let reported = report?.concentration, abs(reported.value - ordered.value) > ordered.value * 0.001 {
            return .failure(.concentration("Pump concentration \(reported) differs from the order's \(ordered)"))
        }
        guard session.weight.value > 0 else { return .failure(.invalidValue("The patient has no weight recorded")) }
        return .success(DoseContext(chair: chair, session: session, report: report, entry: entry, concentration: ordered))
    }

    /// The session's total as it stands: the planned dose, or what was given if more.
    var projectedTotal: Milligrams { max(session.plannedDose, session.doseGiven) }
}
