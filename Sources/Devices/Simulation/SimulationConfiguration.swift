public import Foundation
public import InfusionCore

/// Everything that fixes a simulated clinic's run: same configuration and same seed give
/// the same event sequence, bit for bit.
public struct SimulationConfiguration: Sendable {
    /// Shown in the header (`.clinicNamed`).
    public var clinicName: String
    /// Every random draw (patients, weights, noise) derives from this.
    public var seed: UInt64
    /// The simulated instant the board goes live (usually the clock's `now()` at launch).
    /// Scenario times and chair offsets count from here.
    public var startTime: Date
    /// Simulated seconds run before `startTime` so that the board opens on sessions in
    /// progress; the first `advance` catches up through it. 0 for none.
    public var history: TimeInterval
    /// While more than one interval before `startTime`, periodic reports (vitals,
    /// concentrations, unchanged pump status) are thinned to one per this many seconds:
    /// enough for trends, and the catch-up burst stays small. Changes are never thinned.
    public var historyReportInterval: TimeInterval
    public var chairs: [SimulatedChairPlan]
    public var session: SessionTimings
    public var monitor: MonitorTimings
    public var pump: PumpTimings
    /// Chairs kept for admissions made at the station (`SimulatedClinic.admit(_:)`): the
    /// simulator never admits its own patients there, so a clinician always finds them free.
    /// Their devices still report. Empty by default: every chair runs the demo cycle.
    public var reservedChairs: Set<ChairID>

    public init(
        clinicName: String, seed: UInt64, startTime: Date, history: TimeInterval = 0,
        historyReportInterval: TimeInterval = 60, chairs: [SimulatedChairPlan],
        session: SessionTimings = SessionTimings(), monitor: MonitorTimings = MonitorTimings(),
        pump: PumpTimings = PumpTimings(), reservedChairs: Set<ChairID> = []
    ) {
        self.clinicName = clinicName
        self.seed = seed
        self.startTime = startTime
        self.history = max(0, history)
        self.historyReportInterval = historyReportInterval
        self.chairs = chairs
        self.session = session
        self.monitor = monitor
        self.pump = pump
        self.reservedChairs = reservedChairs
    }

    /// Where the simulation's cursor starts: `startTime - history`.
    public var origin: Date { startTime.addingTimeInterval(-history) }
}

/// One simulated chair: its devices and when its first patient arrives.
public struct SimulatedChairPlan: Sendable {
    public var chair: ChairDescriptor
    public var monitor: DeviceID
    public var pump: DeviceID
    /// Seconds after `startTime` the first patient is admitted; negative means during the
    /// history (no earlier than `-history`), so the chair is mid-session at launch.
    public var firstAdmission: TimeInterval
    /// Bag concentration the chair's orders use (1 or 0.4 mg/mL in the demo).
    public var concentration: MilligramsPerMilliliter
    /// Resting vitals for the first patient instead of drawn ones (the demo's hypertensive patient).
    public var firstPatientBaseline: BaselineVitals?

    public init(
        chair: ChairDescriptor, monitor: DeviceID, pump: DeviceID, firstAdmission: TimeInterval,
        concentration: MilligramsPerMilliliter = MilligramsPerMilliliter(1), firstPatientBaseline: BaselineVitals? = nil
    ) {
        self.chair = chair
        self.monitor = monitor
        self.pump = pump
        self.firstAdmission = firstAdmission
        self.concentration = concentration
        self.firstPatientBaseline = firstPatientBaseline
    }
}

/// The demo lifecycle's pacing, in simulated seconds.
public struct SessionTimings: Sendable, Hashable {
    /// Admission to pump start (identification, weight, baseline vitals, line in).
    public var pumpStartDelay: TimeInterval = 120
    /// Pump completion to the observation phase.
    public var observationDelay: TimeInterval = 60
    /// Observation minimum before the patient is ready for discharge (clinic setting).
    public var observationMinimum: TimeInterval = 1800
    /// Ready for discharge to the session's end.
    public var dischargeDelay: TimeInterval = 300
    /// Chair free between one patient and the next.
    public var turnover: TimeInterval = 180

    public init() {}

    /// One whole cycle when the pump runs the standard 40 min order untouched.
    public func cycleLength(infusion: TimeInterval) -> TimeInterval {
        pumpStartDelay + infusion + observationDelay + observationMinimum + dischargeDelay + turnover
    }
}

/// Monitor cadence, in simulated seconds.
public struct MonitorTimings: Sendable, Hashable {
    /// Periodic vitals (HR, SpO2, RR, EtCO2, temperature) and concentration estimates.
    public var vitalsInterval: TimeInterval = 5
    /// NIBP cycle while the pump delivers (domain: every 10 min during the infusion).
    public var nibpWhileInfusing: TimeInterval = 600
    /// NIBP cycle otherwise (every 15 min after).
    public var nibpOtherwise: TimeInterval = 900
    /// Descriptor values: how often the monitor is expected and when it counts as silent.
    public var expectedInterval: TimeInterval = 5
    public var timeout: TimeInterval = 30

    public init() {}
}

/// Pump cadence, in simulated seconds.
public struct PumpTimings: Sendable, Hashable {
    /// Status reports while nothing changes (a change is reported at once).
    public var reportInterval: TimeInterval = 5
    /// Delay between receiving a remote command and applying it (the pump's own confirmation).
    public var commandDelay: TimeInterval = 2
    public var expectedInterval: TimeInterval = 5
    public var timeout: TimeInterval = 30

    public init() {}
}
