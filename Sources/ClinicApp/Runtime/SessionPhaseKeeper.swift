import Foundation
import InfusionCore

/// Moves sessions admitted at the station through the phases pump reports do not decide:
/// infusion complete → observation → ready for discharge (and back to observation if the
/// checklist stops being complete), by `DischargeGate.nextPhase`.
///
/// The simulator moves its own patients; a session the station admitted
/// (`SessionStart.admittedBy` set) is moved here, through the same events. Each change is
/// published once: until the model shows it, the keeper does not ask again.
struct SessionPhaseKeeper {
    private var asked: [SessionID: SessionPhase] = [:]

    mutating func transitions(
        in state: ClinicState, rules: SignOffRules, freshness: FreshnessPolicy, at now: Date
    ) -> [ClinicEventPayload] {
        var changes: [ClinicEventPayload] = []
        var open = Set<SessionID>()
        for chair in state.chairs {
            guard let session = chair.session, chair.isOccupied, session.start.admittedBy != nil else { continue }
            open.insert(session.id)
            guard let checklist = DischargeGate.evaluate(chair: chair.id, in: state, rules: rules, at: now, freshness: freshness),
                let phase = DischargeGate.nextPhase(for: checklist, session: session)
            else {
                asked[session.id] = nil
                continue
            }
            guard asked[session.id] != phase else { continue }
            asked[session.id] = phase
            changes.append(.sessionPhaseChanged(SessionPhaseChange(chair: chair.id, session: session.id, phase: phase, at: now)))
        }
        asked = asked.filter { open.contains($0.key) }
        return changes
    }
}
