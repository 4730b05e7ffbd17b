public import Foundation
public import EventBus
public import InfusionCore

/// Runs a `SimulatedClinic` against the clinic clock and publishes what it produces.
///
/// About every `tickInterval` of real time it advances the simulation to `clock.now()` and
/// publishes the batch with one `publish(contentsOf:)` (consecutive sequence numbers, one
/// wake-up). The first tick publishes the set-up events and the warm-up history. With a
/// `ScaledClock` the simulation runs `speed` times faster; with a `ManualClock` tests call
/// `tick()` directly and never sleep.
///
/// ```swift
/// let runner = SimulationRunner(simulation: SimulatedClinic(configuration: demo), bus: bus, clock: clock)
/// await runner.start()
/// await runner.send(.setRate(MillilitersPerHour(48)), toPump: DeviceID("PUMP03"))
/// await runner.stop()
/// ```
public actor SimulationRunner {
    private var simulation: SimulatedClinic
    private let bus: EventBus<ClinicEventPayload>
    private let clock: any ClinicClock
    private let tickInterval: Duration
    private var loop: Task<Void, Never>?

    /// - Parameters:
    ///   - tickInterval: real time between advances (default 250 ms).
    public init(
        simulation: SimulatedClinic, bus: EventBus<ClinicEventPayload>, clock: any ClinicClock,
        tickInterval: Duration = .milliseconds(250)
    ) {
        self.simulation = simulation
        self.bus = bus
        self.clock = clock
        self.tickInterval = tickInterval
    }

    /// Advances to the clock's now and publishes the events; returns how many were published.
    @discardableResult
    public func tick() -> Int {
        let events = simulation.advance(to: clock.now())
        bus.publish(contentsOf: events)
        return events.count
    }

    /// Ticks until the calling task is cancelled (for callers that own the task).
    public func run() async {
        while !Task.isCancelled {
            tick()
            do {
                try await Task.sleep(for: tickInterval)
            } catch {
                return  // cancelled
            }
        }
    }

    /// Starts ticking in a task of its own; calling it again while running does nothing.
    public func start() {
        guard loop == nil else { return }
        loop = Task { await self.run() }
    }

    /// Stops the task started by `start()`; events already published stay published.
    public func stop() {
        loop?.cancel()
        loop = nil
    }

    /// Whether `start()` is in effect.
    public var isRunning: Bool { loop != nil }

    /// Sends a remote command to a simulated pump (see `SimulatedClinic.send(_:toPump:)`);
    /// false if the pump is not simulated here.
    @discardableResult
    public func send(_ command: PumpCommand, toPump device: DeviceID) -> Bool {
        simulation.send(command, toPump: device)
    }

    /// Takes on a patient admitted at the station (see `SimulatedClinic.admit(_:)`): the pump is
    /// programmed and waits for `.resume`; false if the chair is not simulated here.
    @discardableResult
    public func admit(_ start: SessionStart) -> Bool {
        simulation.admit(start)
    }

    /// Frees a chair after the station signed its session off (see
    /// `SimulatedClinic.release(chair:)`); false if not simulated here or already free.
    @discardableResult
    public func release(chair: ChairID) -> Bool {
        simulation.release(chair: chair)
    }

    /// Adds a scenario while running; its times still count from the simulation's start.
    public func add(_ scenario: Scenario) {
        simulation.add(scenario)
    }

    /// The simulated instant reached so far.
    public var currentTime: Date { simulation.currentTime }
}
