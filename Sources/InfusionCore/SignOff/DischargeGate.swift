public import Foundation

/// Decides whether a session may be signed off: pure, with the time and the current
/// vitals passed in (domain §6 checklist).
///
/// The reducer applies whatever the journal holds; this gate is where the sign-off is
/// refused, so the sign-off action must call it at the moment of signing.
///
/// ```swift
/// let checklist = DischargeGate.evaluate(chair: id, in: state, rules: rules, at: now)
/// if checklist?.isComplete == true { /* ask ID + PIN, then sign */ }
/// ```
public enum DischargeGate {
    /// Evaluates the open session of chair `id` with the chair's current (not expired)
    /// vitals; nil when the chair has no open session.
    public static func evaluate(
        chair id: ChairID, in state: ClinicState, rules: SignOffRules, at now: Date,
        freshness: FreshnessPolicy = FreshnessPolicy()
    ) -> DischargeChecklist? {
        guard let chair = state[chair: id], let session = chair.session else { return nil }
        var current: [VitalKind: Double] = [:]
        for (kind, reading) in chair.vitals {
            let device = state.devices[reading.device]
            if !freshness.freshness(of: reading, kind: kind, device: device, at: now).isExpired { current[kind] = reading.value }
        }
        return evaluate(session, currentVitals: current, rules: rules, at: now)
    }

    /// Evaluates `session` against `rules` at `now`, with `currentVitals` the readings
    /// that count as current (expired ones left out by the caller).
    public static func evaluate(
        _ session: SessionState, currentVitals: [VitalKind: Double], rules: SignOffRules, at now: Date
    ) -> DischargeChecklist {
        var missing: [DischargeRequirement] = []
        let observed = session.observationElapsed(at: now)
        if let observed {
            if observed < rules.observationMinimum {
                missing.append(.observationIncomplete(remaining: rules.observationMinimum - observed))
            }
        } else {
            missing.append(.infusionNotEnded)
            missing.append(.observationIncomplete(remaining: rules.observationMinimum))
        }
        let vitals = compareVitals(session.start.baseline, currentVitals, rules: rules)
        let failing = vitals.filter { !$0.isWithinTolerance }
        if !failing.isEmpty { missing.append(.vitalsOutOfRange(failing)) }
        var aldrete: AldreteScore?
        if case .aldrete(let score)? = session.latestDischargeItem(.aldrete)?.item { aldrete = score }
        if let aldrete {
            if aldrete.total < rules.aldreteMinimum { missing.append(.aldreteBelowMinimum(total: aldrete.total, minimum: rules.aldreteMinimum)) }
        } else {
            missing.append(.aldreteMissing)
        }
        if session.latestDischargeItem(.dissociationResolved) == nil { missing.append(.dissociationNotResolved) }
        if session.latestDischargeItem(.ivRemoved) == nil { missing.append(.ivNotRemoved) }
        var escort: String?
        if case .escortConfirmed(let name)? = session.latestDischargeItem(.escortConfirmed)?.item,
            !name.trimmingCharacters(in: .whitespaces).isEmpty {
            escort = name
        } else {
            missing.append(.escortNotConfirmed)
        }
        return DischargeChecklist(
            session: session.id, evaluatedAt: now, missing: missing, vitals: vitals, observationElapsed: observed,
            observationMinimum: rules.observationMinimum, aldrete: aldrete, escortName: escort)
    }

    /// Each of the rules' compared vitals that has a baseline, against its current value,
    /// in the rules' order. A vital without a baseline is not compared.
    public static func compareVitals(
        _ baseline: [VitalKind: Double], _ current: [VitalKind: Double], rules: SignOffRules
    ) -> [VitalComparison] {
        rules.comparedVitals.compactMap { kind in
            baseline[kind].map { VitalComparison(kind: kind, baseline: $0, current: current[kind], tolerance: rules.vitalsTolerance) }
        }
    }

    /// The phase the station should announce next (as a `.sessionPhaseChanged` event), or
    /// nil: observation once the infusion has ended, ready for discharge once the checklist
    /// passes (and back to observation if it stops passing before sign-off).
    public static func nextPhase(for checklist: DischargeChecklist, session: SessionState) -> SessionPhase? {
        switch session.phase {
        case .infusionComplete: return .observation
        case .observation: return checklist.isComplete ? .readyForDischarge : nil
        case .readyForDischarge: return checklist.isComplete ? nil : .observation
        case .admitted, .infusing, .paused, .signedOff: return nil
        }
    }
}
