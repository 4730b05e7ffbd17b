public import Devices
public import EventBus
import Foundation
public import InfusionCore

/// The running station without its screen: clock, bus and device adapters.
///
/// The UI loop or the headless loop owns a `ClinicModel` subscribed to `bus`; this type
/// starts and stops what publishes onto it.
public final class ClinicRuntime: Sendable {
    public let configuration: ClinicConfiguration
    public let clock: any ClinicClock
    public let bus: EventBus<ClinicEventPayload>
    /// The simulated devices, when the clinic has any.
    public let simulation: SimulationRunner?

    /// - Parameters:
    ///   - wallClock: the real clock under the simulation's scaled clock (tests inject one).
    public init(configuration: ClinicConfiguration, wallClock: any ClinicClock = SystemClock()) throws(ConfigurationError) {
        self.configuration = configuration
        let speed = configuration.simulation?.speed ?? 1
        let clock: any ClinicClock = speed == 1 ? wallClock : ScaledClock(speed: speed, origin: wallClock.now(), wallClock: wallClock)
        self.clock = clock
        bus = EventBus(now: { clock.now() })
        if let settings = configuration.simulation {
            let simulated = try Self.makeSimulation(configuration: configuration, settings: settings, startTime: clock.now())
            simulation = SimulationRunner(simulation: simulated, bus: bus, clock: clock)
        } else {
            simulation = nil
        }
    }

    /// Publishes the clinic's own configuration and starts the device adapters.
    public func start() {
        var setUp: [ClinicEventPayload] = [
            .clinicNamed(configuration.clinicName), .alarmRulesConfigured(configuration.alarms.rules),
        ]
        setUp += configuration.chairs.map { .chairConfigured($0) }
        bus.publish(contentsOf: setUp)
        if let simulation {
            Task { await simulation.start() }
        }
    }

    /// Stops the adapters; what they published stays published.
    public func stop() {
        if let simulation {
            Task { await simulation.stop() }
        }
    }

    private static func makeSimulation(
        configuration: ClinicConfiguration, settings: SimulationSettings, startTime: Date
    ) throws(ConfigurationError) -> SimulatedClinic {
        var plan = DemoClinic.make(
            seed: settings.seed, chairCount: configuration.chairs.count, startTime: startTime,
            observationMinimum: settings.observationMinimum)
        plan.clinicName = configuration.clinicName
        for index in plan.chairs.indices where index < configuration.chairs.count {
            plan.chairs[index].chair = configuration.chairs[index]
        }
        plan.monitor.nibpWhileInfusing = settings.nibpIntervalInfusing
        plan.monitor.nibpOtherwise = settings.nibpIntervalOther
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
