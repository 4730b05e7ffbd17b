public import Devices
public import EventBus
public import Foundation
public import InfusionCore
public import Journal
import Logging
import Synchronization

/// The running station without its screen: clock, bus, journal and device adapters.
///
/// Start-up order matters: the journal is recovered first (the model starts from its
/// state and the bus continues its sequence), the journal writer subscribes before any
/// device publishes, and only then do adapters start.
public final class ClinicRuntime: Sendable {
    public let configuration: ClinicConfiguration
    public let clock: any ClinicClock
    public let bus: EventBus<ClinicEventPayload>
    /// The simulated devices, when the clinic has any.
    public let simulation: SimulationRunner?
    /// The durable journal (nil only when running without one, in tests).
    public let journal: JournalWriter?
    /// What the journal held at start.
    public let recovered: RecoveredJournal
    /// Messages for the operator from work done off the UI thread (refused actions).
    public let feedback = OperatorFeedback()
    /// The HL7 MLLP listener for real devices, when the clinic configures one.
    public let hl7: HL7Listener?
    /// Each chair's patient, for the HL7 adapter's patient-identity check.
    public let patients = PatientDirectory()
    /// The journal file (nil without a journal), for reads such as an amendment's lookup.
    public let databasePath: URL?
    private let logger = Logger(label: "infusion-central")
    private let adaptersStarted = Atomic<Bool>(false)

    /// - Parameters:
    ///   - databasePath: the journal file; nil runs without a journal (tests only).
    ///   - wallClock: the real clock under the simulation's scaled clock (tests inject one).
    public init(
        configuration: ClinicConfiguration, databasePath: URL?, wallClock: any ClinicClock = SystemClock()
    ) throws(ConfigurationError) {
        self.configuration = configuration
        self.databasePath = databasePath
        var store: JournalStore?
        var recovered = RecoveredJournal.empty
        if let databasePath {
            do {
                let opened = try JournalStore(path: databasePath)
                recovered = try JournalRecovery.load(from: opened)
                store = opened
            } catch {
                throw ConfigurationError(
                    file: databasePath.path,
                    reason: "the journal cannot be opened or read (\(error.reason)); move it aside or choose another with --db")
            }
        }
        self.recovered = recovered
        let speed = configuration.simulation?.speed ?? 1
        // An accelerated clock starts no earlier than the journal's last event: simulated time
        // ran ahead of the wall clock before the restart, and readings older than what the
        // model holds would be ignored as late.
        let origin = max(wallClock.now(), recovered.lastEventAt ?? .distantPast)
        let clock: any ClinicClock = speed == 1 ? wallClock : ScaledClock(speed: speed, origin: origin, wallClock: wallClock)
        self.clock = clock
        bus = EventBus(now: { clock.now() }, firstSequence: recovered.lastSequence + 1)
        if let store, let databasePath {
            journal = JournalWriter(bus: bus, store: store, recovered: recovered) { () throws(JournalError) in
                try JournalStore(path: databasePath)
            }
        } else {
            journal = nil
        }
        if let settings = configuration.hl7 {
            let patients = self.patients
            let logger = Logger(label: "infusion-central.hl7")
            hl7 = HL7Listener(
                settings: settings, bus: bus, clock: clock, currentPatientMRN: { patients.mrn(for: $0) },
                logger: logger)  // the adapter logs and journals every rejection itself
        } else {
            hl7 = nil
        }
        if let settings = configuration.simulation {
            var simulated = try Self.makeSimulation(
                configuration: configuration, settings: settings, startTime: clock.now(),
                history: recovered.lastSequence == 0 ? DemoClinic.defaultHistory : 0)
            // The devices continue the sessions the journal left open (same IDs, no new admission).
            simulated.resume(openSessionsIn: recovered.state)
            simulation = SimulationRunner(simulation: simulated, bus: bus, clock: clock)
        } else {
            simulation = nil
        }
    }

    /// Starts the journal, publishes the clinic's configuration and resumed sessions, then
    /// starts the device adapters.
    public func start() {
        startJournal()
        startAdapters()
    }

    /// Starts the journal and publishes the clinic's configuration and resumed sessions:
    /// after this the model holds every chair as the journal left it.
    ///
    /// The terminal draws its first frame between this and ``startAdapters()``: devices
    /// (the demo's whole warm-up history first) then arrive a few milliseconds later
    /// instead of competing with that frame for the machine's two cores.
    public func startJournal() {
        journal?.start()
        var setUp: [ClinicEventPayload] = [
            .clinicNamed(configuration.clinicName), .alarmRulesConfigured(configuration.alarms.rules),
        ]
        setUp += configuration.chairs.map { .chairConfigured($0) }
        let now = clock.now()
        if let lastEventAt = recovered.lastEventAt {
            for chair in recovered.state.chairs {
                guard let session = chair.session, chair.isOccupied else { continue }
                setUp.append(.sessionResumed(SessionResumed(
                    chair: chair.id, session: session.id, lastEventAt: lastEventAt, at: now)))
            }
        }
        bus.publish(contentsOf: setUp)
    }

    /// Starts the simulated devices and the HL7 listener (once).
    public func startAdapters() {
        guard adaptersStarted.exchange(true, ordering: .relaxed) == false else { return }
        if let simulation {
            Task { await simulation.start() }
        }
        if let hl7 {
            let feedback = self.feedback, logger = self.logger
            let address = "\(configuration.hl7?.host ?? "?"):\(configuration.hl7?.port ?? 0)"
            Task {
                do {
                    let port = try await hl7.start()
                    logger.info("HL7 MLLP listener started", metadata: ["port": "\(port)"])
                } catch {
                    logger.error("HL7 MLLP listener failed", metadata: ["address": "\(address)", "error": "\(error)"])
                    feedback.post("HL7 listener on \(address) failed: \(error)")
                    ClinicLauncher.printError("HL7 listener on \(address) failed: \(error)")
                }
            }
        }
    }

    /// Records an operator action: committed durably to the journal before any subscriber
    /// (the screen included) sees it. A refused action leaves a message for the operator.
    public func submitOperatorAction(_ payload: ClinicEventPayload) {
        commit(payload) { "Action refused: the journal cannot be written (\($0))" }
    }

    /// Commits `payload` durably (publishes it, without a journal), then runs `then`; a
    /// refused write runs nothing and posts `refusal(reason)` for the operator instead.
    private func commit(
        _ payload: ClinicEventPayload, then: (@Sendable () -> Void)? = nil,
        refusal: @escaping @Sendable (String) -> String
    ) {
        guard let journal else {
            bus.publish(payload)
            then?()
            return
        }
        let feedback = self.feedback
        journal.commitDurably(payload) { result in
            switch result {
            case .success: then?()
            case .failure(let error): feedback.post(refusal(error.reason))
            }
        }
    }

    /// Records a confirmed dose order durably, and only then commands the chair's pump.
    ///
    /// The order is the intent (who, when, old, new, reason); the pump's command follows
    /// only once the intent cannot be lost. The tile shows the change as pending until the
    /// pump reports it; a refused journal write sends nothing to the pump.
    public func submitDoseOrder(_ payload: ClinicEventPayload, pump: DeviceID?) {
        let feedback = self.feedback, simulation = self.simulation, logger = self.logger
        let send: @Sendable () -> Void = {
            guard let (chair, target) = payload.pumpTarget else { return }
            guard let pump, let simulation else {
                logger.warning("no command path to the pump", metadata: ["chair": "\(chair)"])
                feedback.post("\(chair): the pump takes no commands from the station; set it at the pump")
                return
            }
            let command = PumpCommand(target)
            Task {
                if await !simulation.send(command, toPump: pump) {
                    feedback.post("\(chair): pump \(pump) did not take the command")
                }
            }
        }
        commit(payload, then: send) { "Order refused: the journal cannot be written (\($0)); the pump was not changed" }
    }

    /// Records a clinical entry (score, intervention, checklist item, signature) durably.
    public func recordEntry(_ payload: ClinicEventPayload, then: (@Sendable () -> Void)? = nil) {
        commit(payload, then: then) { "Not recorded: the journal cannot be written (\($0))" }
    }

    /// Admits a patient: the admission is journaled durably, then the chair's simulated
    /// devices (if any) take the patient on; the pump waits for the physician's start.
    public func admit(_ start: SessionStart) {
        let simulation = self.simulation
        recordEntry(.sessionStarted(start)) {
            guard let simulation else { return }
            Task { await simulation.admit(start) }
        }
    }

    /// Journals a discharge signature durably, then frees the chair's simulated devices.
    public func signOff(_ signature: SessionSignature) {
        let simulation = self.simulation
        recordEntry(.sessionSigned(signature)) {
            guard let simulation else { return }
            Task { await simulation.release(chair: signature.chair) }
        }
    }

    /// Whether the journal is failing now, and why (the header shows `JOURNAL FAILING`).
    public var journalFailure: String? {
        guard let journal else { return nil }
        let health = journal.health
        return health.isFailing ? (health.reason ?? "cannot write") : nil
    }

    /// Stops the adapters and flushes the journal; what was published stays published.
    public func stop() {
        if let simulation {
            Task { await simulation.stop() }
        }
        if let hl7 {
            Task { try? await hl7.stop() }
        }
        _ = journal?.stop()
    }

    private static func makeSimulation(
        configuration: ClinicConfiguration, settings: SimulationSettings, startTime: Date, history: TimeInterval
    ) throws(ConfigurationError) -> SimulatedClinic {
        var plan = DemoClinic.make(
            seed: settings.seed, chairCount: configuration.chairs.count, startTime: startTime, history: history,
            observationMinimum: settings.observationMinimum, reservedChairs: settings.reservedChairs)
        plan.clinicName = configuration.clinicName
        for index in plan.chairs.indices where index < configuration.chairs.count {
            plan.chairs[index].chair = configuration.chairs[index]
        }
        plan.monitor.nibpWhileInfusing = settings.nibpIntervalInfusing
        plan.monitor.nibpOtherwise = settings.nibpIntervalOther
        plan.pump.commandDelay = settings.pumpCommandDelay
        var scenario = Scenario.none
        if let path = settings.scenarioPath {
            do {
                scenario = try Scenario.load(
                    from: URL(fileURLWithPath: path), knownChairs: Set(configuration.chairs.map(\.id)))
            } catch {
                throw ConfigurationError(file: path, reason: "\(error)")
            }
        }
        return SimulatedClinic(configuration: plan, scenario: scenario)
    }
}
