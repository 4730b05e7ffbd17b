import EventBus
import Foundation
import InfusionCore
import Testing

@testable import Devices

/// A patient a clinician admits at the station (not one of the simulator's `SIM…` patients).
enum StationAdmission {
    static func start(
        at seconds: TimeInterval, chair: String = "CHAIR-01", weight: Double = 70,
        baseline: [VitalKind: Double] = [.systolic: 150, .diastolic: 95, .heartRate: 80]
    ) -> SessionStart {
        SessionStart(
            session: SessionID("S-\(chair)-\(Int(seconds))"), chair: ChairID(chair),
            patient: PatientIdentity(mrn: "MRN-1001", name: "Pat Example", dateOfBirth: "1980-01-01"),
            weight: Kilograms(weight), weighedAt: SimulationFixture.at(seconds - 600),
            order: .ketamineStandard(), baseline: baseline, admittedAt: SimulationFixture.at(seconds))
    }

    /// A clinic of `chairs` whose first chair is reserved; runs to `seconds`, then admits there.
    static func clinic(chairs: Int = 1, admitAt seconds: TimeInterval) -> (SimulatedClinic, [SimulatedEvent], SessionStart) {
        var configuration = SimulationFixture.clinic(chairs: chairs)
        configuration.reservedChairs = [ChairID("CHAIR-01")]
        var clinic = SimulatedClinic(configuration: configuration)
        let start = start(at: seconds)
        var events = clinic.advanceEvents(to: SimulationFixture.at(seconds))
        clinic.admit(start)
        events.append(SimulatedEvent(at: start.admittedAt, payload: .sessionStarted(start)))  // published by the station
        return (clinic, events, start)
    }
}

@Suite("Admissions made at the station")
struct SimulationStationAdmissionTests {
    private let chair = ChairID("CHAIR-01")

    @Test("a reserved chair is never admitted automatically; the others keep their cycle")
    func reservedChairStaysFree() {
        var configuration = SimulationFixture.clinic(chairs: 2)
        configuration.reservedChairs = [chair]
        var clinic = SimulatedClinic(configuration: configuration)
        let events = clinic.advanceEvents(to: SimulationFixture.at(4 * 3600))
        let starts = events.compactMap(\.sessionStart)
        #expect(!starts.contains { $0.chair == chair })
        #expect(starts.filter { $0.chair == ChairID("CHAIR-02") }.count == 3)
        #expect(!events.contains { $0.vitals?.chair == chair })
        let demo = DemoClinic.make(seed: 1, startTime: SimulationFixture.start, reservedChairs: [ChairID("CHAIR-07")])
        #expect(demo.reservedChairs == [ChairID("CHAIR-07")])
        #expect(DemoClinic.make(seed: 1, startTime: SimulationFixture.start).reservedChairs.isEmpty)
    }

    @Test("the pump is programmed for the order and waits for the station's start; the monitor measures at once")
    func programmedNotStarted() throws {
        var (clinic, _, start) = StationAdmission.clinic(admitAt: 600)
        let events = clinic.advanceEvents(to: SimulationFixture.at(1800))
        #expect(events.compactMap(\.sessionStart).isEmpty)  // the station published it
        let reports = events.compactMap(\.pumpReport)
        #expect(reports.first?.measuredAt == SimulationFixture.at(601))
        #expect(reports.allSatisfy { $0.status == .idle && $0.rate == .zero && $0.volumeInfused == .zero })
        let nibp = try #require(events.first { $0.isBloodPressure })
        #expect(nibp.at == SimulationFixture.at(601))
        #expect(abs((nibp.value(of: .systolic) ?? 0) - 150) < 20)  // the recorded baseline, not a drawn one
        #expect(events.contains { $0.isPeriodicVitals })

        clinic.send(.resume, toChair: chair)
        let started = clinic.advanceEvents(to: SimulationFixture.at(1810))
        let running = try #require(started.firstReport(.infusing))
        let flow = start.order.flow(weight: start.weight).value
        #expect(running.measuredAt == SimulationFixture.at(1802))
        #expect(running.rate == MillilitersPerHour((flow * 10).rounded() / 10))
    }

    @Test("after completion the simulator publishes no phase change and never ends the session")
    func noPhasesFromTheSimulator() throws {
        var (clinic, before, start) = StationAdmission.clinic(admitAt: 600)
        clinic.send(.resume, toChair: chair)
        let events = clinic.advanceEvents(to: SimulationFixture.at(4 * 3600))
        let completion = try #require(events.firstReport(.complete))
        #expect(abs(completion.measuredAt.timeIntervalSince(SimulationFixture.at(602 + 2400))) < 10)
        #expect(events.compactMap(\.phaseChange).isEmpty && events.compactMap(\.sessionEnd).isEmpty)
        #expect(events.last { $0.isPeriodicVitals }.map { $0.at > SimulationFixture.at(4 * 3600 - 10) } == true)
        let model = SimulationFixture.replay(before + events)
        let session = try #require(model[chair: chair]?.session)
        #expect(session.id == start.session && session.phase == .infusionComplete)
        #expect(abs(session.doseGiven.value - session.plannedDose.value) / session.plannedDose.value < 0.01)
    }

    @Test("release frees the chair: monitor standby, pump reset; a reserved chair then stays free")
    func releaseReservedChair() throws {
        var (clinic, _, _) = StationAdmission.clinic(admitAt: 600)
        _ = clinic.advanceEvents(to: SimulationFixture.at(900))
        let released = clinic.release(chair: chair)
        #expect(released)
        let events = clinic.advanceEvents(to: SimulationFixture.at(4 * 3600))
        let standby = try #require(events.first { $0.unavailable?.reason == "no patient" })
        #expect(standby.at == SimulationFixture.at(901))
        let reset = try #require(events.compactMap(\.pumpReport).first)
        #expect(reset.status == .idle && reset.volumeInfused == .zero)
        #expect(!events.contains { $0.vitals != nil || $0.isConcentration })
        #expect(events.compactMap(\.sessionStart).isEmpty && events.compactMap(\.sessionEnd).isEmpty)
        let again = clinic.release(chair: chair)
        #expect(!again)  // already free
    }

    @Test("on an ordinary chair the demo takes over again after the turnover")
    func releaseOrdinaryChair() throws {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        _ = clinic.advanceEvents(to: SimulationFixture.at(60))
        // The station's admission supersedes the demo's session still on the chair.
        let admitted = clinic.admit(StationAdmission.start(at: 60))
        #expect(admitted)
        var events = clinic.advanceEvents(to: SimulationFixture.at(3 * 3600))
        #expect(events.compactMap(\.sessionEnd).isEmpty && events.compactMap(\.sessionStart).isEmpty)
        #expect(events.firstReport(.infusing) == nil)  // the demo's pump start did not happen
        let released = clinic.release(chair: chair)
        #expect(released)
        events = clinic.advanceEvents(to: SimulationFixture.at(3 * 3600 + 600))
        let next = try #require(events.compactMap(\.sessionStart).first)
        #expect(next.admittedAt == SimulationFixture.at(3 * 3600 + 1 + 180))
        #expect(next.patient.mrn.hasPrefix(RecoveredSession.simulatedMRNPrefix))
    }

    @Test("unknown chairs are refused")
    func unknownChairs() {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let admitted = clinic.admit(StationAdmission.start(at: 0, chair: "CHAIR-09"))
        let released = clinic.release(chair: ChairID("CHAIR-09"))
        #expect(!admitted && !released)
    }

    @Test("admit and release go through the runner")
    func throughTheRunner() async {
        let clock = ManualClock(SimulationFixture.at(600))
        let bus = EventBus<ClinicEventPayload>(now: clock.now)
        let feed = bus.subscribe(name: "test", capacity: 100_000, overflow: .neverDrop)
        var configuration = SimulationFixture.clinic()
        configuration.reservedChairs = [chair]
        let runner = SimulationRunner(simulation: SimulatedClinic(configuration: configuration), bus: bus, clock: clock)
        await runner.tick()
        _ = feed.drain()
        #expect(await runner.admit(StationAdmission.start(at: 600)))
        clock.advance(by: 5)
        await runner.tick()
        #expect(feed.drain().contains { if case .vitalsObserved(let observation) = $0.message { observation.chair == chair } else { false } })
        #expect(await runner.release(chair: chair))
        #expect(await !runner.release(chair: ChairID("CHAIR-09")))
    }

    @Test("recorded baselines become the patient's resting vitals; implausible ones are drawn instead")
    func baselineFromRecord() {
        let fallback = BaselineVitals.typical
        let recorded = BaselineVitals(recorded: [.systolic: 150, .diastolic: 95, .heartRate: 500, .spo2: 99], fallback: fallback)
        #expect(recorded.systolicMillimetersOfMercury == 150 && recorded.diastolicMillimetersOfMercury == 95)
        #expect(recorded.heartRateBeatsPerMinute == fallback.heartRateBeatsPerMinute && recorded.spo2Percent == 99)
        let inverted = BaselineVitals(recorded: [.systolic: 90, .diastolic: 95], fallback: fallback)
        #expect(inverted.systolicMillimetersOfMercury == 122 && inverted.diastolicMillimetersOfMercury == 78)
        #expect(BaselineVitals(recorded: [:], fallback: fallback) == fallback)
    }
}
