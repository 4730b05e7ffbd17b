import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("How a recovered session is picked up")
struct SessionContinuationTests {
    /// An 80 kg patient on the standard order at 1 mg/mL (60 mL/h), admitted at 0 s.
    private func recovered(
        phase: SessionPhase, phaseAt: TimeInterval, status: PumpStatus?, volume: Double, reportAt: TimeInterval = 0
    ) -> RecoveredSession {
        var session = SessionState(start: SessionStart(
            session: SessionID("S-1"), chair: ChairID("CHAIR-01"),
            patient: PatientIdentity(mrn: "SIM100001", name: "Ada Abbott", dateOfBirth: "1970-01-01"),
            weight: Kilograms(80), weighedAt: SimulationFixture.at(-600), order: .ketamineStandard(),
            baseline: [:], admittedAt: SimulationFixture.at(0)))
        session.phase = phase
        session.phaseChangedAt = SimulationFixture.at(phaseAt)
        session.infusionStartedAt = status == nil ? nil : SimulationFixture.at(120)
        let report = status.map {
            PumpReport(
                chair: ChairID("CHAIR-01"), device: DeviceID("PUMP01"), status: $0,
                rate: MillilitersPerHour($0.isFlowing ? 60 : 0), volumeInfused: Milliliters(volume),
                concentration: MilligramsPerMilliliter(1), measuredAt: SimulationFixture.at(reportAt))
        }
        return RecoveredSession(session: session, pumpReport: report, isAdmittedAtStation: false)
    }

    @Test("a paused pump keeps its volume; the dose is one block at the ordered rate ending at the pause")
    func pausedHistory() throws {
        let continuation = SessionContinuation(
            recovered(phase: .paused, phaseAt: 1000, status: .paused, volume: 10, reportAt: 1100), at: SimulationFixture.at(1500))
        #expect(continuation.pumpStatus == .paused && continuation.completedAt == nil)
        #expect(continuation.volumeInfused == Milliliters(10) && continuation.rate == MillilitersPerHour(60))
        #expect(abs(continuation.volumeToBeInfused.value - 40) < 1e-9)
        let block = try #require(continuation.infusion)
        #expect(block.end == SimulationFixture.at(1000))
        #expect(abs(block.start.timeIntervalSince(SimulationFixture.at(400))) < 1e-6)  // 10 mL at 60 mL/h = 10 min
        #expect(abs(block.milligrams - 10) < 1e-9)
    }

    @Test("a running pump is extended through the gap; a block that does not fit is compressed after the start")
    func runningAndCompressed() throws {
        // 20 mL reported at 600 s while running since 120 s cannot have taken 20 min: compressed.
        let continuation = SessionContinuation(
            recovered(phase: .infusing, phaseAt: 120, status: .infusing, volume: 20, reportAt: 600), at: SimulationFixture.at(660))
        #expect(continuation.pumpStatus == .infusing)
        #expect(abs(continuation.volumeInfused.value - 21) < 1e-9)  // + 60 mL/h × 60 s
        let block = try #require(continuation.infusion)
        #expect(block.start == SimulationFixture.at(120) && block.end == SimulationFixture.at(660))
        #expect(abs(block.milligrams - 21) < 1e-9)
    }

    @Test("statuses: alarm-stopped is paused, KVO complete; without a report the phase decides")
    func statuses() {
        #expect(SessionContinuation.status(reported: .alarmStopped, phase: .paused) == .paused)
        #expect(SessionContinuation.status(reported: .kvo, phase: .infusionComplete) == .complete)
        #expect(SessionContinuation.status(reported: .transitioning, phase: .infusing) == .infusing)
        #expect(SessionContinuation.status(reported: nil, phase: .observation) == .complete)
        #expect(SessionContinuation.status(reported: .idle, phase: .admitted) == .idle)
        let fresh = SessionContinuation(recovered(phase: .admitted, phaseAt: 0, status: nil, volume: 0), at: SimulationFixture.at(60))
        #expect(fresh.pumpStatus == .idle && fresh.infusion == nil && fresh.volumeInfused == .zero)
    }
}
