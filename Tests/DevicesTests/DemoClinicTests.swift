import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("Demo clinic")
struct DemoClinicTests {
    private let start = SimulationFixture.start

    @Test("eight chairs CHAIR-01…08 with MONnn and PUMPnn, staggered over the history")
    func configuration() {
        let demo = DemoClinic.make(seed: 1, startTime: start)
        #expect(demo.chairs.map(\.chair.label) == (1...8).map { "CHAIR-0\($0)" })
        #expect(demo.chairs.map(\.monitor.rawValue) == (1...8).map { "MON0\($0)" })
        #expect(demo.chairs.map(\.pump.rawValue) == (1...8).map { "PUMP0\($0)" })
        #expect(demo.origin == start.addingTimeInterval(-DemoClinic.defaultHistory))
        #expect(Set(demo.chairs.map(\.firstAdmission)).count == 8)
        #expect(demo.chairs.allSatisfy { $0.firstAdmission >= -demo.history })
        #expect(demo.chairs.filter { $0.firstPatientBaseline == .hypertensive }.count == 1)
        #expect(Set(demo.chairs.map(\.concentration)) == [MilligramsPerMilliliter(1), MilligramsPerMilliliter(0.4)])
    }

    @Test("at launch the board already shows varied phases, and one hypertensive patient")
    func variedPhasesAtLaunch() throws {
        var clinic = SimulatedClinic(configuration: DemoClinic.make(seed: 11, startTime: start))
        let events = clinic.advanceEvents(to: start)
        let state = SimulationFixture.replay(events)
        let phases = state.chairs.map { $0.session?.phase }
        #expect(phases == [.readyForDischarge, .admitted, .infusing, .infusionComplete, .infusing, .observation, nil, .infusing])
        let hypertensive = state.chairs.compactMap(\.session).filter { ($0.start.baseline[.systolic] ?? 0) >= 140 }
        #expect(hypertensive.map(\.start.chair) == [ChairID("CHAIR-03")])
        let weights = state.chairs.compactMap { $0.session?.weight.value }
        #expect(Set(weights).count == weights.count)
        // Every occupied chair has current vitals at launch (the last minute is not thinned).
        for chair in state.chairs where chair.session != nil {
            let heartRate = try #require(chair.vitals[.heartRate])
            #expect(start.timeIntervalSince(heartRate.measuredAt) < 5)
        }
    }

    @Test("the catch-up is fast and its event count is modest")
    func catchUpCost() {
        var clinic = SimulatedClinic(configuration: DemoClinic.make(seed: 5, startTime: start))
        let elapsed = ContinuousClock().measure { _ = clinic.advance(to: start) }
        // About 70 ms in a debug build on one core; the margin absorbs parallel tests and slow CI.
        #expect(elapsed < .milliseconds(400), "catch-up took \(elapsed)")
        var again = SimulatedClinic(configuration: DemoClinic.make(seed: 5, startTime: start))
        let count = again.advance(to: start).count
        // 8 chairs × 80 min, thinned to about one periodic report per device per minute.
        #expect(count > 1_000 && count < 4_000, "catch-up produced \(count) events")
    }

    @Test("same seed ⇒ identical event sequence; another seed ⇒ a different one")
    func determinism() {
        func run(_ seed: UInt64) -> [ClinicEventPayload] {
            var clinic = SimulatedClinic(configuration: DemoClinic.make(seed: seed, startTime: start))
            var payloads = clinic.advance(to: start)
            clinic.send(.pause, toPump: DeviceID("PUMP03"))
            payloads += clinic.advance(to: start.addingTimeInterval(7))
            payloads += clinic.advance(to: start.addingTimeInterval(1800))
            return payloads
        }
        let first = run(2024)
        #expect(first == run(2024))
        #expect(first != run(2025))
    }

    @Test("the chair count is a parameter: 16 chairs, all varied and all simulated", arguments: [1, 16, 64])
    func chairCount(count: Int) {
        let demo = DemoClinic.make(seed: 3, chairCount: count, startTime: start)
        #expect(demo.chairs.count == count)
        var clinic = SimulatedClinic(configuration: demo)
        let state = SimulationFixture.replay(clinic.advanceEvents(to: start))
        #expect(state.chairs.count == count)
        #expect(state.devices.count == 2 * count && state.hasSimulatedDevices)
        #expect(state.chairs.last?.label == (count < 10 ? "CHAIR-0\(count)" : "CHAIR-\(count)"))
        if count == 16 {
            let phases = Set(state.chairs.compactMap { $0.session?.phase })
            #expect(phases.count >= 4)
            #expect(state.chairs.filter { $0.session?.start.baseline[.systolic] ?? 0 >= 140 }.count <= 2)
        }
    }

    @Test("with no history, admissions are staggered after launch")
    func noHistory() {
        let demo = DemoClinic.make(seed: 3, startTime: start, history: 0)
        #expect(demo.chairs.map(\.firstAdmission) == (0..<8).map { Double($0) * 120 })
    }
}
