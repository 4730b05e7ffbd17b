public import Foundation
public import InfusionCore

/// The simulation engine for a clinic of simulated chairs: a pure, deterministic stepper.
///
/// `advance(to:)` moves simulated time forward in 1 s steps from its cursor and returns
/// what the devices and the demo lifecycle produced, in order. It never reads a clock,
/// never sleeps and never publishes: `SimulationRunner` does that. Same configuration,
/// scenario, commands and `advance` times give the same events, bit for bit.
///
/// ```swift
/// var clinic = SimulatedClinic(configuration: DemoClinic.make(seed: 7, startTime: clock.now()))
/// let catchUp = clinic.advance(to: clock.now())    // set-up, then the warm-up history
/// clinic.send(.pause, toPump: DeviceID("PUMP03"))
/// let next = clinic.advance(to: clock.now().addingTimeInterval(5))
/// ```
public struct SimulatedClinic: Sendable {
    public let configuration: SimulationConfiguration
    let schedule: SimulationSchedule
    var chairs: [ChairSimulation]
    let chairIndex: [ChairID: Int]
    private let pumpIndex: [DeviceID: Int]
    /// Last tick simulated; -1 before the first step.
    private(set) var tick = -1
    private var hasAnnounced = false

    /// - Parameters:
    ///   - configuration: chairs, seed, start time, history and timings.
    ///   - scenario: disturbances to lay on top; events for chairs not configured are ignored
    ///     (`Scenario.parse(_:file:knownChairs:)` rejects them up front).
    public init(configuration: SimulationConfiguration, scenario: Scenario = .none) {
        self.configuration = configuration
        let schedule = SimulationSchedule(configuration: configuration)
        self.schedule = schedule
        chairs = configuration.chairs.enumerated().map { index, plan in
            ChairSimulation(
                plan: plan, index: index, seed: configuration.seed, schedule: schedule,
                isReserved: configuration.reservedChairs.contains(plan.chair.id))
        }
        chairIndex = Dictionary(uniqueKeysWithValues: configuration.chairs.enumerated().map { ($1.chair.id, $0) })
        pumpIndex = Dictionary(uniqueKeysWithValues: configuration.chairs.enumerated().map { ($1.pump, $0) })
        add(scenario)
    }

    /// Adds a scenario's events; their times count from `configuration.startTime`.
    /// Events whose window has already passed have no effect.
    public mutating func add(_ scenario: Scenario) {
        for event in scenario.events {
            guard let index = chairIndex[event.chair] else { continue }
            chairs[index].scenario.add(event, startTick: schedule.startTick)
        }
    }

    /// The simulated instant reached so far (the origin before the first step).
    public var currentTime: Date { schedule.date(max(tick, 0)) }

    /// The chairs, in board order.
    public var chairIDs: [ChairID] { configuration.chairs.map(\.chair.id) }

    // MARK: - Stepping

    /// Steps simulated time up to `time` (whole seconds) and returns the events, in order.
    /// The first call also returns the clinic's set-up events. A `time` at or before the
    /// cursor returns nothing new.
    public mutating func advance(to time: Date) -> [ClinicEventPayload] {
        advanceEvents(to: time).map(\.payload)
    }

    /// Like `advance(to:)`, with the simulated instant of each event.
    public mutating func advanceEvents(to time: Date) -> [SimulatedEvent] {
        var events: [SimulatedEvent] = []
        if !hasAnnounced {
            events = setUpEvents()
            hasAnnounced = true
        }
        let target = schedule.tick(atOrBefore: time)
        guard target > tick else { return events }
        while tick < target {
            tick += 1
            for index in chairs.indices {
                chairs[index].step(to: tick, schedule: schedule, into: &events)
            }
        }
        return events
    }

    /// Clinic name, chairs, devices (labelled simulated) and their links, at the origin.
    public func setUpEvents() -> [SimulatedEvent] {
        let at = schedule.origin
        var payloads: [ClinicEventPayload] = [.clinicNamed(configuration.clinicName)]
        for plan in configuration.chairs { payloads.append(.chairConfigured(plan.chair)) }
        for plan in configuration.chairs {
            payloads.append(.deviceRegistered(descriptor(plan.monitor, kind: .monitor, chair: plan.chair.id)))
            payloads.append(.deviceRegistered(descriptor(plan.pump, kind: .pump, chair: plan.chair.id)))
        }
        for plan in configuration.chairs {
            for device in [plan.monitor, plan.pump] {
                payloads.append(.deviceLinkChanged(DeviceLinkChange(chair: plan.chair.id, device: device, state: .connected, at: at)))
            }
        }
        return payloads.map { SimulatedEvent(at: at, payload: $0) }
    }

    private func descriptor(_ device: DeviceID, kind: DeviceKind, chair: ChairID) -> DeviceDescriptor {
        let interval = kind == .monitor ? configuration.monitor.expectedInterval : configuration.pump.expectedInterval
        let timeout = kind == .monitor ? configuration.monitor.timeout : configuration.pump.timeout
        return DeviceDescriptor(
            id: device, label: device.rawValue, kind: kind, chair: chair, isSimulated: true,
            expectedInterval: interval, timeout: timeout)
    }

    // MARK: - Pump commands

    /// Sends a remote command to a simulated pump. It is received at the current simulated
    /// time, applied `configuration.pump.commandDelay` later, and confirmed by the pump's
    /// next report. A pump under a `pump-ignore-commands` scenario drops it silently.
    ///
    /// - Returns: false if no simulated pump has that ID.
    @discardableResult
    public mutating func send(_ command: PumpCommand, toPump device: DeviceID) -> Bool {
        guard let index = pumpIndex[device] else { return false }
        chairs[index].receive(command, at: max(tick, 0), delay: configuration.pump.commandDelay)
        return true
    }

    /// Sends a remote command to the pump of `chair`; false if the chair is not simulated here.
    @discardableResult
    public mutating func send(_ command: PumpCommand, toChair chair: ChairID) -> Bool {
        guard let index = chairIndex[chair] else { return false }
        return send(command, toPump: configuration.chairs[index].pump)
    }
}
