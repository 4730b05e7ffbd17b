import Foundation
import InfusionCore

/// One chair under simulation: its patient, monitor, pump, scenario and demo lifecycle,
/// stepped one simulated second at a time.
///
/// The virtual patient is advanced lazily (to the current tick, only when read or when the
/// infusion rate changes): its pharmacokinetics are exact for any step, and this keeps the
/// start-up catch-up cheap.
struct ChairSimulation: Sendable {
    /// Where the chair's session stands; each case holds the tick of its next transition.
    enum Lifecycle: Sendable, Equatable {
        /// Free; the demo admits its next patient at `admitAt`.
        case free(admitAt: Int)
        /// Free and reserved for the station: never admitted automatically.
        case vacant
        case admitted(pumpStartAt: Int)
        case infusing
        case infusionEnded(observationAt: Int)
        case observation(readyAt: Int)
        case ready(endAt: Int)
        /// Admitted at the station: the devices follow the patient and the pump obeys the
        /// station, but the simulator publishes no phase change and never ends the session.
        case stationSession
        /// The station released the chair; the next step frees it (pump reset, monitor standby).
        case releasing
    }

    let plan: SimulatedChairPlan
    var generator: SeededGenerator
    var lifecycle: Lifecycle
    var pump: SimulatedPump
    var monitor: SimulatedMonitor
    var scenario = ChairScenario()
    private(set) var effects = ScenarioEffects.none
    var session: SessionStart?
    var patient: VirtualPatient?
    /// Tick the patient has been advanced to, and the mass rate (mg/h) it is running at.
    var patientTick = 0
    var patientRate = 0.0
    /// Offsets (0-4 s) so that chairs do not all report in the same second.
    let monitorPhase: Int
    let pumpPhase: Int
    var admissions = 0
    /// Whether the chair is kept for the station's admissions (`SimulationConfiguration.reservedChairs`).
    let isReserved: Bool

    init(plan: SimulatedChairPlan, index: Int, seed: UInt64, schedule: SimulationSchedule, isReserved: Bool = false) {
        self.plan = plan
        self.isReserved = isReserved
        generator = SeededGenerator(seed: seed, stream: UInt64(index))
        let firstAdmission = max(0, schedule.startTick + Int(plan.firstAdmission.rounded()))
        lifecycle = isReserved ? .vacant : .free(admitAt: firstAdmission)
        pump = SimulatedPump(chair: plan.chair.id, device: plan.pump, concentration: plan.concentration)
        monitor = SimulatedMonitor(chair: plan.chair.id, device: plan.monitor)
        monitorPhase = index % 5
        pumpPhase = (index + 2) % 5
    }

    /// Whether commands are currently dropped by a scenario.
    var ignoresCommands: Bool { effects.pumpIgnoresCommands }

    /// Moves the chair to `tick` (one second after the previous one) and appends what its
    /// devices and the lifecycle produced, in order.
    mutating func step(to tick: Int, schedule: SimulationSchedule, into events: inout [SimulatedEvent]) {
        effects = scenario.effects(at: tick, startTick: schedule.startTick)
        let date = schedule.date(tick)
        pump.deliver(seconds: 1)
        advanceLifecycle(at: tick, schedule: schedule, into: &events)
        pump.applyCommands(dueBy: tick)
        pump.setOccluded(effects.isPumpOccluded)
        followPump(at: tick, schedule: schedule)
        if patient != nil, pump.massRate.value != patientRate {
            syncPatient(to: tick)
            patientRate = pump.massRate.value
        }
        let pumpDue = schedule.isPeriodicDue(tick, interval: schedule.pump.reportInterval, phase: pumpPhase)
        for report in pump.reports(at: date, periodicDue: pumpDue, isSilent: effects.isPumpSilent) {
            events.append(SimulatedEvent(at: date, payload: .pumpReported(report)))
        }
        if patient != nil { measure(at: tick, date: date, schedule: schedule, into: &events) }
    }

    /// Queues a remote command unless a scenario makes the pump ignore it.
    mutating func receive(_ command: PumpCommand, at tick: Int, delay: TimeInterval) {
        guard !effects.pumpIgnoresCommands else { return }
        pump.receive(command, due: tick + max(0, Int(delay.rounded())))
    }

    // MARK: - Monitor

    private mutating func measure(at tick: Int, date: Date, schedule: SimulationSchedule, into events: inout [SimulatedEvent]) {
        let silent = effects.isMonitorSilent
        if !silent, monitor.isNIBPDue(at: tick), let sample = physiology(at: tick) {
            events.append(SimulatedEvent(at: date, payload: .vitalsObserved(monitor.bloodPressureObservation(sample, at: date))))
            let interval = pump.status.isDelivering ? schedule.monitor.nibpWhileInfusing : schedule.monitor.nibpOtherwise
            monitor.scheduleNIBP(after: tick, interval: SimulationSchedule.seconds(interval))
        }
        guard schedule.isPeriodicDue(tick, interval: schedule.monitor.vitalsInterval, phase: monitorPhase),
            let sample = physiology(at: tick)
        else { return }
        if !silent {
            if effects.isProbeOff {
                if !monitor.hasAnnouncedProbeOff {
                    events.append(SimulatedEvent(at: date, payload: .vitalsUnavailable(monitor.probeOffNotice(at: date))))
                    monitor.hasAnnouncedProbeOff = true
                }
            } else {
                monitor.hasAnnouncedProbeOff = false
            }
            let observation = monitor.periodicObservation(sample, at: date, probeOff: effects.isProbeOff)
            events.append(SimulatedEvent(at: date, payload: .vitalsObserved(observation)))
        }
        let estimate = ConcentrationEstimate(
            chair: plan.chair.id, plasma: MicrogramsPerMilliliter(sample.plasmaMicrogramsPerMilliliter),
            effectSite: MicrogramsPerMilliliter(sample.effectSiteMicrogramsPerMilliliter), at: date)
        events.append(SimulatedEvent(at: date, payload: .concentrationsEstimated(estimate)))
    }

    // MARK: - Patient

    /// Advances the patient to `tick` at the rate it has been receiving.
    mutating func syncPatient(to tick: Int) {
        guard tick > patientTick else { return }
        patient?.advance(seconds: Double(tick - patientTick), infusionMilligramsPerHour: patientRate)
        patientTick = tick
    }

    /// What the monitor would read at `tick`, scenario offsets included; nil without a patient.
    mutating func physiology(at tick: Int) -> PhysiologySample? {
        syncPatient(to: tick)
        patient?.adjustments = effects.adjustments
        return patient?.currentPhysiology()
    }
}
