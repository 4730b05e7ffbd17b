import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("Scenario effects on the simulated devices")
struct ScenarioEffectsTests {
    private let chair = ChairID("CHAIR-01")

    /// One chair (admitted at 0, pump from 2 min), run to `seconds` with one scenario event.
    private func run(_ kind: ScenarioEventKind, at: TimeInterval, duration: TimeInterval, until seconds: TimeInterval) -> [SimulatedEvent] {
        let scenario = Scenario(name: "test", events: [ScenarioEvent(chair: chair, at: at, duration: duration, kind: kind)])
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic(), scenario: scenario)
        return clinic.advanceEvents(to: SimulationFixture.at(seconds))
    }

    private func baseline(until seconds: TimeInterval) -> [SimulatedEvent] {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        return clinic.advanceEvents(to: SimulationFixture.at(seconds))
    }

    @Test("bp-surge raises the published systolic and diastolic by the peak offsets at the plateau")
    func bloodPressureSurge() throws {
        // NIBP at 720 s (10 min after the pump start) falls on the surge's plateau (630-930 s).
        let surged = run(.bloodPressureSurge(systolic: 50, diastolic: 30), at: 480, duration: 600, until: 800)
        let plain = baseline(until: 800)
        func reading(_ events: [SimulatedEvent]) throws -> SimulatedEvent {
            try #require(events.first { $0.isBloodPressure && SimulationFixture.seconds($0) == 720 })
        }
        let high = try reading(surged), normal = try reading(plain)
        #expect(high.value(of: .systolic)! - normal.value(of: .systolic)! == 50)
        #expect(high.value(of: .diastolic)! - normal.value(of: .diastolic)! == 30)
        // Before the window nothing differs.
        #expect(surged.filter { $0.at < SimulationFixture.at(480) } == plain.filter { $0.at < SimulationFixture.at(480) })
    }

    @Test("the surge ramps: a quarter of the window up, a plateau, a quarter down")
    func ramp() {
        let event = ScenarioEvent(chair: chair, at: 100, duration: 400, kind: .monitorSilent)
        #expect(event.rampFraction(at: 99) == 0)
        #expect(event.rampFraction(at: 150) == 0.5)
        #expect(event.rampFraction(at: 300) == 1)
        #expect(event.rampFraction(at: 450) == 0.5)
        #expect(event.rampFraction(at: 500) == 0)
    }

    @Test("spo2-dip and hr-rise move the periodic vitals by their offsets")
    func dipAndRise() throws {
        let plain = baseline(until: 400).filter(\.isPeriodicVitals)
        let dipped = run(.spo2Dip(points: 8), at: 0, duration: 800, until: 400).filter(\.isPeriodicVitals)
        let raised = run(.heartRateRise(beatsPerMinute: 30), at: 0, duration: 800, until: 400).filter(\.isPeriodicVitals)
        let at = SimulationFixture.at(400)
        let normal = try #require(plain.last { $0.at == at })
        #expect(try #require(dipped.last { $0.at == at }).value(of: .spo2)! < normal.value(of: .spo2)! - 6)
        #expect(try #require(raised.last { $0.at == at }).value(of: .heartRate)! - normal.value(of: .heartRate)! == 30)
    }

    @Test("monitor-silent: no vitals in the window, then they resume; concentrations go on")
    func monitorSilent() {
        let events = run(.monitorSilent, at: 300, duration: 180, until: 900)
        let window = SimulationFixture.at(300)..<SimulationFixture.at(480)
        #expect(!events.contains { $0.vitals != nil && window.contains($0.at) })
        #expect(events.contains { $0.isConcentration && window.contains($0.at) })
        #expect(events.contains { $0.isPeriodicVitals && $0.at == SimulationFixture.at(480) })
        #expect(events.contains { $0.isPeriodicVitals && $0.at == SimulationFixture.at(295) })
        // The NIBP due at 720 s is still taken on time after the silence.
        #expect(events.contains { $0.isBloodPressure && $0.at == SimulationFixture.at(720) })
    }

    @Test("probe-off: SpO2 unavailable once at the start, no SpO2 values in the window, back after")
    func probeOff() {
        let events = run(.probeOff, at: 300, duration: 120, until: 600)
        let notices = events.compactMap(\.unavailable)
        #expect(notices.count == 1)
        #expect(notices.first?.kinds == [.spo2] && notices.first?.reason == "probe off")
        #expect(notices.first?.at == SimulationFixture.at(300))
        let inWindow = events.filter { $0.isPeriodicVitals && (300..<420).contains(SimulationFixture.seconds($0)) }
        #expect(inWindow.count == 24 && inWindow.allSatisfy { $0.value(of: .spo2) == nil && $0.value(of: .heartRate) != nil })
        #expect(events.filter { $0.isPeriodicVitals && SimulationFixture.seconds($0) >= 420 }.allSatisfy { $0.value(of: .spo2) != nil })
        let state = SimulationFixture.replay(events.filter { $0.at <= SimulationFixture.at(400) })
        #expect(state[chair: chair]?.unavailable[.spo2] == "probe off")
    }

    @Test("pump-occlusion: alarmStopped at 0 mL/h for the window, no dose given, then delivery resumes")
    func occlusion() throws {
        let events = run(.pumpOcclusion, at: 600, duration: 300, until: 3600)
        let reports = events.compactMap(\.pumpReport)
        let alarm = try #require(reports.first { $0.status == .alarmStopped })
        #expect(alarm.measuredAt == SimulationFixture.at(600) && alarm.rate == .zero)
        let inWindow = reports.filter { (SimulationFixture.at(600)..<SimulationFixture.at(900)).contains($0.measuredAt) }
        #expect(inWindow.allSatisfy { $0.status == .alarmStopped && $0.volumeInfused == alarm.volumeInfused })
        #expect(reports.first { $0.measuredAt == SimulationFixture.at(900) }?.status == .infusing)

        let during = SimulationFixture.replay(events.filter { $0.at < SimulationFixture.at(890) })
        #expect(during[chair: chair]?.session?.phase == .paused)
        let dosePaused = SimulationFixture.replay(events.filter { $0.at <= SimulationFixture.at(600) })[chair: chair]?.session?.doseGiven
        #expect(during[chair: chair]?.session?.doseGiven == dosePaused)

        // Completion is 5 min later than without the occlusion, and the dose is still the planned one.
        let completion = try #require(reports.first { $0.status == .complete }).measuredAt
        let plainCompletion = try #require(baseline(until: 3600).compactMap(\.pumpReport).first { $0.status == .complete }).measuredAt
        #expect(completion.timeIntervalSince(plainCompletion) == 300)
        let session = try #require(SimulationFixture.replay(events)[chair: chair]?.session)
        let planned = session.plannedDose.value
        #expect(abs(session.doseGiven.value - planned) / planned < 0.01)
    }

    @Test("pump-silent: no reports in the window; changes buffered with their times; dose still right")
    func pumpSilent() throws {
        // The pump starts at 120 s while silent (60-300 s).
        let events = run(.pumpSilent, at: 60, duration: 240, until: 3000)
        let reports = events.compactMap(\.pumpReport)
        #expect(!events.contains { $0.pumpReport != nil && (60..<300).contains(SimulationFixture.seconds($0)) })
        let flushed = reports.filter { $0.measuredAt >= SimulationFixture.at(60) }.prefix(2)
        #expect(flushed.first?.status == .infusing && flushed.first?.measuredAt == SimulationFixture.at(120))
        let firstHeard = try #require(events.first(where: { $0.pumpReport?.status == .infusing }))
        #expect(SimulationFixture.seconds(firstHeard) == 300)
        let session = try #require(SimulationFixture.replay(events)[chair: chair]?.session)
        #expect(abs(session.doseGiven.value - session.plannedDose.value) / session.plannedDose.value < 0.01)
        #expect(session.infusionStartedAt == SimulationFixture.at(120))
    }

    @Test("pump-ignore-commands: commands in the window are dropped, later ones applied")
    func ignoreCommands() throws {
        let scenario = Scenario(
            name: "deaf pump", events: [ScenarioEvent(chair: chair, at: 500, duration: 200, kind: .pumpIgnoresCommands)])
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic(), scenario: scenario)
        _ = clinic.advance(to: SimulationFixture.at(600))
        clinic.send(.pause, toPump: DeviceID("PUMP01"))
        let ignored = clinic.advanceEvents(to: SimulationFixture.at(700)).compactMap(\.pumpReport)
        #expect(ignored.allSatisfy { $0.status == .infusing })
        clinic.send(.pause, toPump: DeviceID("PUMP01"))
        let applied = clinic.advanceEvents(to: SimulationFixture.at(710)).compactMap(\.pumpReport)
        #expect(applied.first { $0.status == .paused }?.measuredAt == SimulationFixture.at(702))
    }

    @Test("scenario times count from the start, after the warm-up history")
    func timesCountFromStart() {
        var configuration = SimulationFixture.clinic()
        configuration.history = 600
        configuration.chairs[0].firstAdmission = -600
        let scenario = Scenario(name: "t", events: [ScenarioEvent(chair: chair, at: 60, duration: 60, kind: .probeOff)])
        var clinic = SimulatedClinic(configuration: configuration, scenario: scenario)
        let notices = clinic.advanceEvents(to: SimulationFixture.at(300)).compactMap(\.unavailable)
        #expect(notices.map(\.at) == [SimulationFixture.at(60)])
    }
}
