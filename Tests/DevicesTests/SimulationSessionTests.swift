import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("Simulated session lifecycle and dose")
struct SimulationSessionTests {
    @Test("phases progress admitted → infusing → complete → observation → ready → ended, then a new patient")
    func phaseProgression() throws {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let events = clinic.advanceEvents(to: SimulationFixture.at(2 * 3600))
        var state = ClinicState()
        var phases: [String] = []
        var sessions: [SessionID] = []
        for event in SimulationFixture.clinicEvents(events) {
            ClinicReducer.reduce(&state, event)
            let session = state[chair: ChairID("CHAIR-01")]?.session
            let label = session.map { $0.phase.rawValue } ?? "ended"
            if phases.last != label { phases.append(label) }
            if let id = session?.id, sessions.last != id { sessions.append(id) }
        }
        #expect(
            Array(phases.prefix(7)) == [
                "ended", "admitted", "infusing", "infusionComplete", "observation", "readyForDischarge", "ended",
            ])
        #expect(phases.dropFirst(7).first == "admitted")  // the next patient after the turnover
        #expect(sessions.count == 2)
    }

    @Test("lifecycle timing: observation 1 min after completion, ready after the minimum, end 5 min later")
    func lifecycleTiming() throws {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let events = clinic.advanceEvents(to: SimulationFixture.at(2 * 3600))
        let completion = try #require(events.first { $0.pumpReport?.status == .complete }).at
        func phaseTime(_ phase: SessionPhase) -> Date? {
            events.first { if case .sessionPhaseChanged(let change) = $0.payload { change.phase == phase } else { false } }?.at
        }
        #expect(phaseTime(.observation) == completion.addingTimeInterval(60))
        #expect(phaseTime(.readyForDischarge) == completion.addingTimeInterval(60 + 1800))
        let end = try #require(events.first { if case .sessionEnded = $0.payload { true } else { false } })
        #expect(end.at == completion.addingTimeInterval(60 + 1800 + 300))
        let next = try #require(events.compactMap(\.sessionStart).dropFirst().first)
        #expect(next.admittedAt == end.at.addingTimeInterval(180))
        // The monitor goes to standby: the last patient's numbers leave the board.
        #expect(events.contains { $0.unavailable?.reason == "no patient" && $0.at == end.at })
        #expect(!events.contains { $0.isPeriodicVitals && $0.at > end.at && $0.at < next.admittedAt })
        // Completion takes the planned 40 min within a few seconds (rate rounded to 0.1 mL/h).
        #expect(abs(completion.timeIntervalSince(SimulationFixture.at(120)) - 2400) < 10)
    }

    @Test("dose given, integrated from pump reports, is the planned 0.5 mg/kg within 1 %", arguments: [1.0, 0.4])
    func doseAccounting(concentration: Double) throws {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic(chairs: 3, seed: 9, stagger: 90, concentration: concentration))
        let events = clinic.advanceEvents(to: SimulationFixture.at(50 * 60))
        let state = SimulationFixture.replay(events)
        for chair in state.chairs {
            let session = try #require(chair.session)
            #expect(session.phase == .infusionComplete || session.phase == .observation)
            let planned = session.order.plannedMass(weight: session.weight).value
            #expect(abs(planned - 0.5 * session.weight.value) < 1e-9)
            #expect(abs(session.doseGiven.value - planned) / planned < 0.01)
            #expect(abs(chair.pump!.lastReport.volumeInfused.value * concentration - planned) / planned < 1e-6)
        }
    }

    @Test("weights are drawn between 55 and 110 kg and differ between chairs")
    func weights() {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic(chairs: 8, seed: 3))
        let starts = clinic.advanceEvents(to: SimulationFixture.at(10)).compactMap(\.sessionStart)
        #expect(starts.count == 8)
        #expect(starts.allSatisfy { (55...110).contains($0.weight.value) })
        #expect(Set(starts.map(\.weight)).count > 4)
        #expect(starts.allSatisfy { $0.patient.mrn.hasPrefix("SIM") && $0.weighedAt < $0.admittedAt })
        #expect(starts.allSatisfy { $0.baseline[.systolic] != nil && $0.baseline[.heartRate] != nil })
    }

    @Test("the infusion raises the patient's concentrations from zero")
    func concentrationsRise() throws {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let estimates = clinic.advanceEvents(to: SimulationFixture.at(1800)).compactMap { event -> ConcentrationEstimate? in
            if case .concentrationsEstimated(let estimate) = event.payload { estimate } else { nil }
        }
        #expect(estimates.first?.plasma.value == 0)
        let last = try #require(estimates.last)
        #expect(last.plasma.value > 0.05 && last.effectSite.value > 0.05)
    }
}
