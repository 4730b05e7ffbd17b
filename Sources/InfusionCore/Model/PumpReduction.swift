import Foundation

/// How a pump report moves a chair: the pump state, the dose integral and the phase.
enum PumpReduction {
    static func apply(_ report: PumpReport, received: Date, to chair: inout ChairState) {
        chair.heard(report.device, at: received)
        let previous = chair.pump?.lastReport
        if let previous, previous.measuredAt > report.measuredAt {
            chair.appendLog("Late pump report (\(report.status.label)) placed at its device time", at: report.measuredAt)
            return
        }
        if var session = chair.session, session.phase.followsPump {
            integrate(from: previous, to: report, session: &session)
            advancePhase(for: report, session: &session)
            chair.session = session
        }
        chair.pump = PumpState(device: report.device, lastReport: report)
        logChange(from: previous, to: report, chair: &chair)
    }

    /// Dose given = ∫ reported rate dt over the time the pump ran, from report to report.
    private static func integrate(from previous: PumpReport?, to report: PumpReport, session: inout SessionState) {
        guard let previous, previous.status.isFlowing else { return }
        let seconds = report.measuredAt.timeIntervalSince(previous.measuredAt)
        guard seconds > 0 else { return }
        let massRate = DoseMath.massRate(previous.rate, concentration: previous.concentration)
        session.doseGiven += DoseMath.mass(massRate, over: seconds)
        session.volumeGiven += DoseMath.volume(previous.rate, over: seconds)
    }

    private static func advancePhase(for report: PumpReport, session: inout SessionState) {
        let at = report.measuredAt
        if report.status.isDelivering {
            if session.deliveringSince == nil { session.deliveringSince = at }
            if session.infusionStartedAt == nil { session.infusionStartedAt = at }
            setPhase(.infusing, at: at, session: &session)
            return
        }
        if let since = session.deliveringSince {
            session.accumulatedInfusionTime += max(0, at.timeIntervalSince(since))
            session.deliveringSince = nil
        }
        switch report.status {
        case .paused, .alarmStopped:
            if session.infusionStartedAt != nil { setPhase(.paused, at: at, session: &session) }
        case .complete, .kvo, .stopped:
            if session.infusionStartedAt != nil {
                if session.infusionEndedAt == nil { session.infusionEndedAt = at }
                setPhase(.infusionComplete, at: at, session: &session)
            }
        case .idle, .infusing, .transitioning:
            break
        }
    }

    private static func setPhase(_ phase: SessionPhase, at: Date, session: inout SessionState) {
        guard session.phase != phase else { return }
        session.phase = phase
        session.phaseChangedAt = at
    }

    private static func logChange(from previous: PumpReport?, to report: PumpReport, chair: inout ChairState) {
        if previous?.status != report.status {
            chair.appendLog("Pump \(report.status.rawValue) at \(report.rate)", at: report.measuredAt)
        } else if let previous, previous.rate != report.rate {
            chair.appendLog("Pump rate \(previous.rate.formatted) → \(report.rate)", at: report.measuredAt)
        }
    }
}
