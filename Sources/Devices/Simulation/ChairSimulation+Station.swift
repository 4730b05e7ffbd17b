import Foundation
import InfusionCore

/// What the station does to a simulated chair: admit its own patient, release the chair after
/// sign-off, and hand back a session recovered from the journal after a restart.
extension ChairSimulation {
    /// A patient admitted at the station: the devices take them on; no `sessionStarted` (the
    /// station published it). The pump is programmed for the order and waits for the
    /// station's `.resume`; the monitor measures NIBP at the next step.
    mutating func admitFromStation(_ start: SessionStart, at tick: Int) {
        pump.reset()
        session = start
        patient = makePatient(weight: start.weight, recordedBaseline: start.baseline)
        patientTick = tick
        patientRate = 0
        programPump(for: start)
        monitor.attach(at: tick, interval: 1)
        lifecycle = .stationSession
    }

    /// The station closed the session (signed off): the next step frees the chair. False when
    /// the chair is already free.
    mutating func release() -> Bool {
        switch lifecycle {
        case .free, .vacant: return false
        default:
            lifecycle = .releasing
            return true
        }
    }

    /// Continues `recovered` from `tick` (the last simulated second): devices, patient and the
    /// lifecycle where the journal left them, with the same session ID and no new `sessionStarted`.
    mutating func resume(_ recovered: RecoveredSession, at tick: Int, schedule: SimulationSchedule) {
        let now = schedule.date(tick)
        let state = recovered.session
        let continuation = SessionContinuation(recovered, at: now)
        session = state.start
        if continuation.pumpStatus == .idle && !recovered.isAdmittedAtStation {
            pump.reset()  // the demo programs and starts it at its time
        } else {
            pump.restore(
                status: continuation.pumpStatus, rate: continuation.rate, concentration: continuation.concentration,
                volumeToBeInfused: continuation.volumeToBeInfused, volumeInfused: continuation.volumeInfused,
                completedAt: continuation.completedAt)
        }
        var patient = makePatient(weight: state.weight, recordedBaseline: state.start.baseline)
        patient.replay(continuation.infusion, from: min(state.start.admittedAt, now), to: now)
        self.patient = patient
        patientTick = tick
        patientRate = pump.massRate.value
        monitor.attach(at: tick, interval: 1)
        lifecycle = recovered.isAdmittedAtStation ? .stationSession : Self.lifecycle(
            resuming: state, continuation: continuation, at: tick, schedule: schedule)
    }

    /// Where the automatic cycle stands for a recovered session; past transitions fire at the next step.
    private static func lifecycle(
        resuming state: SessionState, continuation: SessionContinuation, at tick: Int, schedule: SimulationSchedule
    ) -> Lifecycle {
        func due(_ date: Date, plus interval: TimeInterval) -> Int {
            Int(date.timeIntervalSince(schedule.origin).rounded()) + SimulationSchedule.seconds(interval)
        }
        let timings = schedule.session
        if let completedAt = continuation.completedAt {
            // Not before the second step: the completion report (first step) must reach the
            // model while the session still follows the pump, or its dose would be lost.
            return .infusionEnded(observationAt: max(tick + 2, due(completedAt, plus: timings.observationDelay)))
        }
        switch state.phase {
        case .admitted where continuation.pumpStatus == .idle:
            return .admitted(pumpStartAt: max(tick + 1, due(state.start.admittedAt, plus: timings.pumpStartDelay)))
        case .admitted, .infusing, .paused:
            return .infusing  // `followPump` moves it on when the pump completes or stops
        case .infusionComplete:
            return .infusionEnded(observationAt: due(state.infusionEndedAt ?? state.phaseChangedAt, plus: timings.observationDelay))
        case .observation:
            return .observation(readyAt: due(state.phaseChangedAt, plus: timings.observationMinimum))
        case .readyForDischarge, .signedOff:
            return .ready(endAt: due(state.phaseChangedAt, plus: timings.dischargeDelay))
        }
    }

    /// A virtual patient of `weight` whose resting vitals are the recorded ones where given
    /// and plausible, else drawn; the seed comes from the chair's stream.
    private mutating func makePatient(weight: Kilograms, recordedBaseline: [VitalKind: Double]) -> VirtualPatient {
        let drawn = SimulatedAdmission.draw(using: &generator, baseline: nil)
        admissions += 1
        let baseline = BaselineVitals(recorded: recordedBaseline, fallback: drawn.baseline)
        return VirtualPatient(seed: drawn.patientSeed, weightKilograms: weight.value, baseline: baseline)
    }
}
