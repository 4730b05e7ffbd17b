import Foundation
import InfusionCore

/// The demo session cycle, driven by the same events a real session produces: admission,
/// pump start, completion (reported by the pump), observation, ready for discharge, end,
/// a free chair, and the next patient.
extension ChairSimulation {
    mutating func advanceLifecycle(at tick: Int, schedule: SimulationSchedule, into events: inout [SimulatedEvent]) {
        let date = schedule.date(tick)
        switch lifecycle {
        case .free(let admitAt) where tick >= admitAt:
            admit(at: tick, schedule: schedule, into: &events)
        case .admitted(let pumpStartAt) where tick >= pumpStartAt:
            startPump()
            lifecycle = .infusing
        case .infusionEnded(let observationAt) where tick >= observationAt:
            if let session {
                let change = SessionPhaseChange(chair: plan.chair.id, session: session.session, phase: .observation, at: date)
                events.append(SimulatedEvent(at: date, payload: .sessionPhaseChanged(change)))
            }
            lifecycle = .observation(readyAt: tick + SimulationSchedule.seconds(schedule.session.observationMinimum))
        case .observation(let readyAt) where tick >= readyAt:
            if let session {
                let change = SessionPhaseChange(chair: plan.chair.id, session: session.session, phase: .readyForDischarge, at: date)
                events.append(SimulatedEvent(at: date, payload: .sessionPhaseChanged(change)))
            }
            lifecycle = .ready(endAt: tick + SimulationSchedule.seconds(schedule.session.dischargeDelay))
        case .ready(let endAt) where tick >= endAt:
            discharge(at: tick, schedule: schedule, into: &events)
        case .releasing:
            vacate(at: tick, schedule: schedule, into: &events)
        default:
            break
        }
    }

    /// Watches the pump: a completed or stopped infusion moves the session on; a delivering
    /// pump tightens the NIBP cycle to the infusion cadence.
    mutating func followPump(at tick: Int, schedule: SimulationSchedule) {
        if pump.status.isDelivering {
            monitor.tightenNIBP(at: tick, interval: SimulationSchedule.seconds(schedule.monitor.nibpWhileInfusing))
        }
        switch lifecycle {
        case .admitted, .infusing:
            if pump.status == .complete || pump.status == .stopped {
                lifecycle = .infusionEnded(observationAt: tick + SimulationSchedule.seconds(schedule.session.observationDelay))
            } else if pump.status.isDelivering {
                lifecycle = .infusing
            }
        default:
            break
        }
    }

    private mutating func admit(at tick: Int, schedule: SimulationSchedule, into events: inout [SimulatedEvent]) {
        let date = schedule.date(tick)
        let override = admissions == 0 ? plan.firstPatientBaseline : nil
        let admission = SimulatedAdmission.draw(using: &generator, baseline: override)
        admissions += 1
        patient = VirtualPatient(seed: admission.patientSeed, weightKilograms: admission.weight.value, baseline: admission.baseline)
        patientTick = tick
        patientRate = 0
        guard let sample = physiology(at: tick) else { return }
        let bloodPressure = monitor.bloodPressureObservation(sample, at: date)
        var baseline: [VitalKind: Double] = [
            .heartRate: sample.heartRateBeatsPerMinute.rounded(),
            .spo2: sample.spo2Percent.rounded(),
            .respiratoryRate: sample.respiratoryRateBreathsPerMinute.rounded(),
        ]
        for reading in bloodPressure.samples { baseline[reading.kind] = reading.value }
        let start = SessionStart(
            session: SessionID("\(plan.chair.id.rawValue)-\(Int(date.timeIntervalSince1970))"),
            chair: plan.chair.id, patient: admission.identity, weight: admission.weight,
            weighedAt: date.addingTimeInterval(-600),
            order: .ketamineStandard(concentration: plan.concentration),
            baseline: baseline, admittedAt: date)
        session = start
        events.append(SimulatedEvent(at: date, payload: .sessionStarted(start)))
        if !effects.isMonitorSilent {
            events.append(SimulatedEvent(at: date, payload: .vitalsObserved(bloodPressure)))
        }
        monitor.attach(at: tick, interval: SimulationSchedule.seconds(schedule.monitor.nibpOtherwise))
        lifecycle = .admitted(pumpStartAt: tick + SimulationSchedule.seconds(schedule.session.pumpStartDelay))
    }

    /// Programs the pump for the order (unless already programmed) and starts it.
    private mutating func startPump() {
        guard let session else { return }
        if pump.status == .idle, pump.volumeToBeInfused.value == 0 {
            programPump(for: session)
        }
        pump.start()
    }

    /// Loads the order into the idle pump: rate to 0.1 mL/h, volume for the planned dose.
    mutating func programPump(for session: SessionStart) {
        let program = Self.pumpProgram(for: session.order, weight: session.weight)
        pump.program(rate: program.rate, concentration: session.order.concentration, volume: program.volume)
    }

    /// The flow a pump is programmed with for `order` (rounded to 0.1 mL/h, as a nurse keys
    /// it) and the volume to be infused: the ordered flow over the ordered time, which is the
    /// planned mass at the order's concentration.
    static func pumpProgram(for order: InfusionOrder, weight: Kilograms) -> (rate: MillilitersPerHour, volume: Milliliters) {
        let flow = order.flow(weight: weight)
        return (MillilitersPerHour((flow.value * 10).rounded() / 10), DoseMath.volume(flow, over: order.duration))
    }

    /// The demo ends its own session (no sign-off), then frees the chair.
    private mutating func discharge(at tick: Int, schedule: SimulationSchedule, into events: inout [SimulatedEvent]) {
        let date = schedule.date(tick)
        if let session {
            events.append(SimulatedEvent(at: date, payload: .sessionEnded(SessionEnd(chair: plan.chair.id, session: session.session, at: date))))
        }
        vacate(at: tick, schedule: schedule, into: &events)
    }

    /// Frees the chair: monitor to standby (clearing the board's numbers), pump reset to idle;
    /// the next automatic admission after the turnover, unless the chair is reserved.
    private mutating func vacate(at tick: Int, schedule: SimulationSchedule, into events: inout [SimulatedEvent]) {
        let date = schedule.date(tick)
        if !effects.isMonitorSilent {
            events.append(SimulatedEvent(at: date, payload: .vitalsUnavailable(monitor.standbyNotice(at: date))))
        }
        session = nil
        patient = nil
        patientRate = 0
        monitor.detach()
        pump.reset()
        lifecycle = isReserved ? .vacant : .free(admitAt: tick + SimulationSchedule.seconds(schedule.session.turnover))
    }
}
