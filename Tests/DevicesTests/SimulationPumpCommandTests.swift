import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("Remote commands to a simulated pump")
struct SimulationPumpCommandTests {
    /// A clinic stepped to 10 min: the pump has been infusing since 2 min.
    private func infusingClinic() -> SimulatedClinic {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        _ = clinic.advance(to: SimulationFixture.at(600))
        return clinic
    }

    @Test("a rate change is applied after the 2 s confirmation delay and reported at once")
    func setRate() throws {
        var clinic = infusingClinic()
        let accepted = clinic.send(.setRate(MillilitersPerHour(30)), toPump: DeviceID("PUMP01"))
        #expect(accepted)
        let events = clinic.advanceEvents(to: SimulationFixture.at(610))
        let reports = events.compactMap(\.pumpReport)
        let changed = try #require(reports.first { $0.rate == MillilitersPerHour(30) })
        #expect(changed.measuredAt == SimulationFixture.at(602))
        #expect(changed.status == .infusing)
        #expect(reports.filter { $0.measuredAt < SimulationFixture.at(602) }.allSatisfy { $0.rate != MillilitersPerHour(30) })
    }

    @Test("pause stops delivery, resume restarts it, by chair as well as by pump")
    func pauseAndResume() throws {
        var clinic = infusingClinic()
        let accepted = clinic.send(.pause, toChair: ChairID("CHAIR-01"))
        #expect(accepted)
        var events = clinic.advanceEvents(to: SimulationFixture.at(700))
        let paused = try #require(events.compactMap(\.pumpReport).first { $0.status == .paused })
        #expect(paused.measuredAt == SimulationFixture.at(602) && paused.rate == .zero)
        let volumeWhilePaused = Set(events.compactMap(\.pumpReport).filter { $0.status == .paused }.map(\.volumeInfused))
        #expect(volumeWhilePaused.count == 1)

        clinic.send(.resume, toPump: DeviceID("PUMP01"))
        events = clinic.advanceEvents(to: SimulationFixture.at(710))
        let resumed = try #require(events.compactMap(\.pumpReport).first)
        #expect(resumed.status == .infusing && resumed.measuredAt == SimulationFixture.at(702) && resumed.rate.value > 0)
    }

    @Test("stop ends the infusion and the session moves on to observation")
    func stop() throws {
        var clinic = infusingClinic()
        clinic.send(.stop, toPump: DeviceID("PUMP01"))
        var events = clinic.advanceEvents(to: SimulationFixture.at(700))
        let stopped = try #require(events.compactMap(\.pumpReport).first { $0.status == .stopped })
        #expect(stopped.measuredAt == SimulationFixture.at(602))
        events += clinic.advanceEvents(to: SimulationFixture.at(900))
        let observation = events.first {
            if case .sessionPhaseChanged(let change) = $0.payload { change.phase == .observation } else { false }
        }
        #expect(observation?.at == SimulationFixture.at(662))
    }

    @Test("an unknown pump or chair is refused; a zero rate is ignored by the pump")
    func refusals() {
        var clinic = infusingClinic()
        let unknownPump = clinic.send(.pause, toPump: DeviceID("PUMP99"))
        let unknownChair = clinic.send(.pause, toChair: ChairID("CHAIR-99"))
        #expect(!unknownPump && !unknownChair)
        clinic.send(.setRate(.zero), toPump: DeviceID("PUMP01"))
        let reports = clinic.advanceEvents(to: SimulationFixture.at(620)).compactMap(\.pumpReport)
        #expect(reports.allSatisfy { $0.status == .infusing && $0.rate.value > 0 })
    }

    @Test("the confirmation delay is configurable")
    func configurableDelay() throws {
        var configuration = SimulationFixture.clinic()
        configuration.pump.commandDelay = 7
        var clinic = SimulatedClinic(configuration: configuration)
        _ = clinic.advance(to: SimulationFixture.at(600))
        clinic.send(.pause, toPump: DeviceID("PUMP01"))
        let paused = try #require(clinic.advanceEvents(to: SimulationFixture.at(620)).compactMap(\.pumpReport).first { $0.status == .paused })
        #expect(paused.measuredAt == SimulationFixture.at(607))
    }
}
