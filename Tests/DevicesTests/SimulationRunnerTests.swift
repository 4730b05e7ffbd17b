import EventBus
import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("Simulation runner")
struct SimulationRunnerTests {
    @Test("a tick advances to the clock's now and publishes the batch in order")
    func tickPublishes() async {
        let clock = ManualClock(SimulationFixture.start)
        let bus = EventBus<ClinicEventPayload>(now: clock.now)
        let feed = bus.subscribe(name: "test", capacity: 100_000, overflow: .neverDrop)
        let runner = SimulationRunner(simulation: SimulatedClinic(configuration: SimulationFixture.clinic()), bus: bus, clock: clock)

        let first = await runner.tick()
        var delivered = feed.drain()
        #expect(delivered.count == first && first > 0)
        #expect(delivered.first?.message == .clinicNamed("Test clinic"))

        clock.advance(by: 30)
        let second = await runner.tick()
        delivered = feed.drain()
        #expect(delivered.count == second && second > 0)
        #expect(delivered.map(\.sequence) == Array(UInt64(first + 1)...UInt64(first + second)))
        #expect(await runner.currentTime == SimulationFixture.at(30))
        #expect(await runner.tick() == 0)  // the clock has not moved
    }

    @Test("pump commands and scenarios go through the runner")
    func commandsThroughRunner() async {
        let clock = ManualClock(SimulationFixture.at(600))
        let bus = EventBus<ClinicEventPayload>(now: clock.now)
        let feed = bus.subscribe(name: "test", capacity: 100_000, overflow: .neverDrop)
        let runner = SimulationRunner(simulation: SimulatedClinic(configuration: SimulationFixture.clinic()), bus: bus, clock: clock)
        await runner.tick()
        _ = feed.drain()
        #expect(await runner.send(.pause, toPump: DeviceID("PUMP01")))
        #expect(await !runner.send(.pause, toPump: DeviceID("PUMP09")))
        clock.advance(by: 5)
        await runner.tick()
        let statuses = feed.drain().compactMap { if case .pumpReported(let report) = $0.message { report.status } else { nil } }
        #expect(statuses.contains(.paused))
    }

    @Test("start and stop toggle the loop")
    func startStop() async {
        let clock = ManualClock(SimulationFixture.start)
        let bus = EventBus<ClinicEventPayload>(now: clock.now)
        let runner = SimulationRunner(simulation: SimulatedClinic(configuration: SimulationFixture.clinic()), bus: bus, clock: clock)
        #expect(await !runner.isRunning)
        await runner.start()
        #expect(await runner.isRunning)
        await runner.stop()
        #expect(await !runner.isRunning)
    }
}
