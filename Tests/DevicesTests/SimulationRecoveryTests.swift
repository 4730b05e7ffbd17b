import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("Simulated sessions continue after a restart")
struct SimulationRecoveryTests {
    private let chair = ChairID("CHAIR-01")

    /// The same clinic never interrupted, to 2 h.
    private func uninterrupted() -> [SimulatedEvent] {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        return clinic.advanceEvents(to: SimulationFixture.at(7200))
    }

    @Test("an infusing session continues with the same ID: pump at its rate and volume, completes on time, then the cycle ends it")
    func infusingSessionContinues() throws {
        var restart = SimulationRestart(crash: 1200, restart: 1260)
        let session = try #require(restart.session)
        let lastReport = try #require(restart.recovered[chair: chair]?.pump?.lastReport)
        #expect(restart.resumed == [chair] && session.phase == .infusing)
        let after = restart.run(to: 7200)

        // No new admission for it, and the first report continues the pump where it was.
        #expect(!after.compactMap(\.sessionStart).contains { $0.session == session.id })
        let first = try #require(after.compactMap(\.pumpReport).first)
        #expect(first.status == .infusing && first.rate == lastReport.rate)
        let expected = lastReport.volumeInfused.value + lastReport.rate.value * first.measuredAt.timeIntervalSince(lastReport.measuredAt) / 3600
        #expect(abs(first.volumeInfused.value - expected) < 1e-9)

        // It completes when the uninterrupted pump does, having given the planned dose.
        let completion = try #require(after.firstReport(.complete))
        let reference = try #require(uninterrupted().firstReport(.complete))
        #expect(abs(completion.measuredAt.timeIntervalSince(reference.measuredAt)) <= 1)
        let model = restart.model(after: after)
        let phases = after.compactMap(\.phaseChange).filter { $0.session == session.id }.map(\.phase)
        #expect(phases == [.observation, .readyForDischarge])
        #expect(after.compactMap(\.sessionEnd).first?.session == session.id)
        let planned = session.plannedDose.value
        let replayed = SimulationFixture.replay(restart.before + after.prefix { $0.sessionEnd == nil })
        let dose = try #require(replayed[chair: chair]?.session?.doseGiven.value)
        #expect(abs(dose - planned) / planned < 0.01)
        // The cycle goes on: a new patient after the turnover.
        #expect(model[chair: chair]?.session.map { $0.id != session.id } ?? true)
        #expect(after.compactMap(\.sessionStart).count == 1)
    }

    @Test("the patient's drug levels are rebuilt: concentrations match the uninterrupted patient's")
    func concentrationsRebuilt() throws {
        var restart = SimulationRestart(crash: 1200, restart: 1260)
        let after = restart.run(to: 1330)
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let reference = clinic.advanceEvents(to: SimulationFixture.at(1330))
        let resumed = try #require(after.compactMap(\.concentration).last)
        let truth = try #require(reference.compactMap(\.concentration).last { $0.at == resumed.at })
        #expect(resumed.plasma.value > 0.15)
        #expect(abs(resumed.plasma.value - truth.plasma.value) / truth.plasma.value < 0.01)
        #expect(abs(resumed.effectSite.value - truth.effectSite.value) / truth.effectSite.value < 0.01)
    }

    @Test("a pump that reached its volume while the station was down reports the completion at its own time")
    func completedDuringTheGap() throws {
        var restart = SimulationRestart(crash: 1800, restart: 3600)
        let session = try #require(restart.session)
        let after = restart.run(to: 3700)
        let completion = try #require(after.compactMap(\.pumpReport).first)
        let reference = try #require(uninterrupted().firstReport(.complete))
        #expect(completion.status == .complete)
        #expect(abs(completion.measuredAt.timeIntervalSince(reference.measuredAt)) <= 1)
        #expect(completion.measuredAt < SimulationFixture.at(3600))
        let model = restart.model(after: after)
        let resumed = try #require(model[chair: chair]?.session)
        #expect(abs(resumed.doseGiven.value - session.plannedDose.value) / session.plannedDose.value < 0.01)
        // Its observation delay is long past: the phase moves on at once, after the completion report.
        let observation = try #require(after.compactMap(\.phaseChange).first)
        #expect(observation.phase == .observation && observation.at == SimulationFixture.at(3601))
    }

    @Test("observation continues to ready for discharge at its own time, then the session ends")
    func observationContinues() throws {
        var restart = SimulationRestart(crash: 3000, restart: 3100)
        let session = try #require(restart.session)
        #expect(session.phase == .observation)
        let after = restart.run(to: 7200)
        let reference = uninterrupted()
        let ready = try #require(after.compactMap(\.phaseChange).first)
        let expected = try #require(reference.compactMap(\.phaseChange).first { $0.phase == .readyForDischarge })
        #expect(ready.phase == .readyForDischarge && ready.session == session.id && ready.at == expected.at)
        let end = try #require(after.compactMap(\.sessionEnd).first)
        #expect(end.session == session.id && end.at == expected.at.addingTimeInterval(300))
        // The pump stays complete; the monitor measures NIBP at once after the restart.
        #expect(after.compactMap(\.pumpReport).prefix { $0.measuredAt < end.at }.allSatisfy { $0.status == .complete })
        #expect(after.first { $0.isBloodPressure }?.at == SimulationFixture.at(3100))
    }

    @Test("a paused pump stays paused until the station resumes it")
    func pausedStaysPaused() throws {
        var restart = SimulationRestart(crash: 900, restart: 960, commandAt: 600) { clinic in
            clinic.send(.pause, toChair: ChairID("CHAIR-01"))
            return []
        }
        #expect(restart.session?.phase == .paused)
        var after = restart.run(to: 1500)
        #expect(after.compactMap(\.pumpReport).allSatisfy { $0.status == .paused && $0.rate == .zero })
        restart.clinic.send(.resume, toChair: chair)
        after += restart.run(to: 1510)
        let resumed = try #require(after.firstReport(.infusing))
        #expect(resumed.measuredAt == SimulationFixture.at(1502) && resumed.rate.value > 0)
        #expect(restart.model(after: after)[chair: chair]?.session?.phase == .infusing)
    }

    @Test("a session admitted at the station is continued but never moved on or ended by the simulator")
    func stationSessionStaysWithTheStation() throws {
        var configuration = SimulationFixture.clinic()
        configuration.reservedChairs = [chair]
        let start = StationAdmission.start(at: 60)
        var restart = SimulationRestart(configuration: configuration, crash: 1200, restart: 1260, commandAt: 60) { clinic in
            clinic.admit(start)
            clinic.send(.resume, toChair: ChairID("CHAIR-01"))
            return [SimulatedEvent(at: start.admittedAt, payload: .sessionStarted(start))]
        }
        #expect(restart.resumed == [chair] && restart.session?.phase == .infusing)
        #expect(restart.recovered[chair: chair].flatMap(RecoveredSession.init(chair:))?.isAdmittedAtStation == true)
        let after = restart.run(to: 3 * 3600)
        #expect(after.firstReport(.complete) != nil)
        #expect(after.compactMap(\.phaseChange).isEmpty && after.compactMap(\.sessionEnd).isEmpty)
        #expect(after.compactMap(\.sessionStart).isEmpty)
        #expect(after.last { $0.isPeriodicVitals }.map { $0.at > SimulationFixture.at(3 * 3600 - 10) } == true)
        #expect(restart.model(after: after)[chair: chair]?.session?.phase == .infusionComplete)
    }

    @Test("signed-off sessions and chairs not simulated here are not resumed")
    func skipped() throws {
        let restart = SimulationRestart(crash: 600, restart: 660)
        var session = try #require(restart.session)
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        var elsewhere = RecoveredSession(session: session, pumpReport: nil, isAdmittedAtStation: false)
        elsewhere.session.start.chair = ChairID("CHAIR-42")
        session.phase = .signedOff
        let signed = RecoveredSession(session: session, pumpReport: nil, isAdmittedAtStation: false)
        let resumed = clinic.resume([elsewhere, signed])
        #expect(resumed.isEmpty)
        #expect(RecoveredSession(chair: ChairState(id: chair, label: "free")) == nil)
    }
}
