import Foundation
import InfusionCore
import Testing

/// Builds events with consecutive sequence numbers, as the bus would.
struct EventScript {
    let start = Date(timeIntervalSince1970: 1_741_939_200)
    var events: [ClinicEvent] = []
    let chair = ChairID("CHAIR-01")
    let monitor = DeviceID("MON01")
    let pump = DeviceID("PUMP01")
    let session = SessionID("S-1")

    mutating func add(_ payload: ClinicEventPayload, at seconds: TimeInterval) {
        events.append(ClinicEvent(sequence: UInt64(events.count + 1), receivedAt: start + seconds, payload: payload))
    }

    mutating func configure() {
        add(.chairConfigured(ChairDescriptor(id: chair, label: "CHAIR-01")), at: 0)
        add(.deviceRegistered(DeviceDescriptor(
            id: monitor, label: "MON01", kind: .monitor, chair: chair, isSimulated: true, expectedInterval: 5, timeout: 30)), at: 0)
        add(.deviceRegistered(DeviceDescriptor(
            id: pump, label: "PUMP01", kind: .pump, chair: chair, isSimulated: true, expectedInterval: 5, timeout: 30)), at: 0)
    }

    mutating func admit(weight: Double = 80, at seconds: TimeInterval = 0) {
        add(.sessionStarted(SessionStart(
            session: session, chair: chair, patient: PatientIdentity(mrn: "KC10001", name: "TEST ALPHA", dateOfBirth: "1980-01-01"),
            weight: Kilograms(weight), weighedAt: start, order: .ketamineStandard(), baseline: [.systolic: 124],
            admittedAt: start + seconds)), at: seconds)
    }

    mutating func pumpReport(_ status: PumpStatus, rate: Double, at seconds: TimeInterval, volume: Double = 0) {
        add(.pumpReported(PumpReport(
            chair: chair, device: pump, status: status, rate: MillilitersPerHour(rate), volumeInfused: Milliliters(volume),
            concentration: MilligramsPerMilliliter(1), measuredAt: start + seconds)), at: seconds)
    }

    mutating func vital(_ kind: VitalKind, _ value: Double, measuredAt seconds: TimeInterval, receivedAt: TimeInterval? = nil) {
        add(.vitalsObserved(VitalsObservation(chair: chair, device: monitor, samples: [
            VitalSample(kind: kind, value: value, measuredAt: start + seconds),
        ])), at: receivedAt ?? seconds)
    }

    var state: ClinicState { ClinicReducer.replay(events) }
}

@Suite("The reducer")
struct ReducerTests {
    @Test("Chairs and devices are configured by events, in order")
    func configuration() throws {
        var script = EventScript()
        script.configure()
        let state = script.state
        #expect(state.chairs.map(\.id) == [script.chair])
        let chair = try #require(state[chair: script.chair])
        #expect(chair.devices[.monitor] == script.monitor)
        #expect(chair.devices[.pump] == script.pump)
        #expect(state.hasSimulatedDevices)
        #expect(state.lastSequence == 3)
    }

    @Test("Dose given is the integral of the reported rate over the time the pump ran")
    func doseIntegral() throws {
        var script = EventScript()
        script.configure()
        script.admit()
        script.pumpReport(.infusing, rate: 60, at: 60)      // 60 mL/h at 1 mg/mL = 60 mg/h
        script.pumpReport(.infusing, rate: 60, at: 660)     // +10 min: 10 mg
        script.pumpReport(.infusing, rate: 30, at: 1260)    // +10 min at 60 mL/h: 10 mg more; now 30 mL/h
        script.pumpReport(.paused, rate: 0, at: 1860)       // +10 min at 30 mL/h: 5 mg
        script.pumpReport(.paused, rate: 0, at: 2460)       // paused 10 min: nothing
        let session = try #require(script.state[chair: script.chair]?.session)
        #expect(abs(session.doseGiven.value - 25) < 1e-9)
        #expect(abs(session.volumeGiven.value - 25) < 1e-9)
        #expect(session.phase == .paused)
        // The infusion clock ran 30 min and stopped while paused; the session clock did not.
        #expect(session.infusionElapsed(at: script.start + 3000) == 1800)
        #expect(session.sessionElapsed(at: script.start + 3000) == 3000)
    }

    @Test("Phases follow the pump: admitted, infusing, paused, infusing, complete")
    func phasesFollowPump() throws {
        var script = EventScript()
        script.configure()
        script.admit()
        #expect(script.state[chair: script.chair]?.session?.phase == .admitted)
        script.pumpReport(.idle, rate: 0, at: 10)
        #expect(script.state[chair: script.chair]?.session?.phase == .admitted)
        script.pumpReport(.infusing, rate: 60, at: 20)
        #expect(script.state[chair: script.chair]?.session?.phase == .infusing)
        script.pumpReport(.paused, rate: 0, at: 30)
        #expect(script.state[chair: script.chair]?.session?.phase == .paused)
        script.pumpReport(.infusing, rate: 60, at: 40)
        #expect(script.state[chair: script.chair]?.session?.phase == .infusing)
        script.pumpReport(.complete, rate: 0, at: 100)
        let session = try #require(script.state[chair: script.chair]?.session)
        #expect(session.phase == .infusionComplete)
        #expect(session.infusionEndedAt == script.start + 100)
        #expect(session.infusionElapsed(at: script.start + 500) == 70)
    }

    @Test("A rate change's transitioning state never shows as stopped")
    func transitioningKeepsInfusing() throws {
        var script = EventScript()
        script.configure()
        script.admit()
        script.pumpReport(.infusing, rate: 60, at: 10)
        script.pumpReport(.transitioning, rate: 60, at: 70)
        #expect(script.state[chair: script.chair]?.session?.phase == .infusing)
        script.pumpReport(.infusing, rate: 90, at: 71)
        let session = try #require(script.state[chair: script.chair]?.session)
        #expect(session.phase == .infusing)
        #expect(session.infusionElapsed(at: script.start + 131) == 121)
    }

    @Test("A late pump report does not rewrite the current state or the dose")
    func latePumpReport() throws {
        var script = EventScript()
        script.configure()
        script.admit()
        script.pumpReport(.infusing, rate: 60, at: 10)
        script.pumpReport(.infusing, rate: 60, at: 610)
        let before = try #require(script.state[chair: script.chair])
        script.pumpReport(.paused, rate: 0, at: 300)
        let after = try #require(script.state[chair: script.chair])
        #expect(after.pump == before.pump)
        #expect(after.session?.doseGiven == before.session?.doseGiven)
        #expect(after.log.last?.text.contains("Late pump report") == true)
    }

    @Test("Vitals keep both times; a late value never replaces a newer one; implausible values are ignored")
    func vitals() throws {
        var script = EventScript()
        script.configure()
        script.vital(.heartRate, 72, measuredAt: 100, receivedAt: 101)
        script.vital(.heartRate, 80, measuredAt: 90, receivedAt: 102)
        script.vital(.spo2, 140, measuredAt: 100)
        let chair = try #require(script.state[chair: script.chair])
        let reading = try #require(chair.vitals[.heartRate])
        #expect(reading.value == 72)
        #expect(reading.measuredAt == script.start + 100)
        #expect(reading.receivedAt == script.start + 101)
        #expect(chair.vitals[.spo2] == nil)
        #expect(chair.lastHeard[script.monitor] == script.start + 102)
    }

    @Test("Trends: one point per minute for continuous vitals, one per reading for NIBP")
    func trends() throws {
        var script = EventScript()
        script.configure()
        script.vital(.heartRate, 70, measuredAt: 0)
        script.vital(.heartRate, 80, measuredAt: 30)
        script.vital(.heartRate, 90, measuredAt: 65)
        script.vital(.systolic, 120, measuredAt: 10)
        script.vital(.systolic, 130, measuredAt: 20)
        let chair = try #require(script.state[chair: script.chair])
        #expect(chair.trends[.heartRate]?.points.map(\.value) == [75, 90])
        #expect(chair.trends[.systolic]?.points.map(\.value) == [120, 130])
    }

    @Test("A parameter the monitor reports unavailable is withdrawn, not kept as current")
    func unavailable() throws {
        var script = EventScript()
        script.configure()
        script.vital(.spo2, 97, measuredAt: 10)
        script.add(.vitalsUnavailable(VitalsUnavailable(
            chair: script.chair, device: script.monitor, kinds: [.spo2], reason: "probe off", at: script.start + 20)), at: 20)
        var chair = try #require(script.state[chair: script.chair])
        #expect(chair.vitals[.spo2] == nil)
        #expect(chair.unavailable[.spo2] == "probe off")
        script.vital(.spo2, 96, measuredAt: 30)
        chair = try #require(script.state[chair: script.chair])
        #expect(chair.vitals[.spo2]?.value == 96)
        #expect(chair.unavailable[.spo2] == nil)
    }

    @Test("Observation, discharge and the end of a session free the chair")
    func sessionLifecycle() throws {
        var script = EventScript()
        script.configure()
        script.admit()
        #expect(script.state.activeChairCount == 1)
        script.add(.sessionPhaseChanged(SessionPhaseChange(
            chair: script.chair, session: script.session, phase: .observation, at: script.start + 50)), at: 50)
        #expect(script.state[chair: script.chair]?.session?.phase == .observation)
        script.add(.sessionPhaseChanged(SessionPhaseChange(
            chair: script.chair, session: SessionID("other"), phase: .readyForDischarge, at: script.start + 60)), at: 60)
        #expect(script.state[chair: script.chair]?.session?.phase == .observation)
        script.add(.sessionEnded(SessionEnd(chair: script.chair, session: script.session, at: script.start + 70)), at: 70)
        #expect(script.state[chair: script.chair]?.session == nil)
        #expect(script.state.activeChairCount == 0)
    }

    @Test("Events for an unknown chair change nothing but the sequence")
    func unknownChair() {
        var script = EventScript()
        script.configure()
        let before = script.state
        script.add(.vitalsObserved(VitalsObservation(chair: ChairID("NOPE"), device: script.monitor, samples: [
            VitalSample(kind: .heartRate, value: 70, measuredAt: script.start),
        ])), at: 5)
        var after = script.state
        after.lastSequence = before.lastSequence
        after.lastEventAt = before.lastEventAt
        #expect(after == before)
    }

    @Test("Replaying in one go equals applying one by one, and survives a Codable round trip")
    func replayEquivalence() throws {
        var script = EventScript()
        script.configure()
        script.admit()
        for step in 0..<200 {
            script.vital(.heartRate, 70 + Double(step % 7), measuredAt: Double(step) * 5)
            if step % 3 == 0 { script.pumpReport(.infusing, rate: 60 + Double(step % 5), at: Double(step) * 5) }
        }
        var incremental = ClinicState()
        for event in script.events { ClinicReducer.reduce(&incremental, event) }
        #expect(incremental == script.state)
        let data = try JSONEncoder().encode(script.events)
        let decoded = try JSONDecoder().decode([ClinicEvent].self, from: data)
        #expect(ClinicReducer.replay(decoded) == incremental)
    }
}
