import Foundation
import InfusionCore
import Testing

@testable import Devices

/// Shared set-ups for the simulation tests: a fixed start instant, small clinics, replay.
enum SimulationFixture {
    static let start = Date(timeIntervalSince1970: 1_741_939_200)

    /// `count` chairs with no history; chair i admits its first patient `i × stagger` s after start.
    static func clinic(
        chairs count: Int = 1, seed: UInt64 = 42, stagger: TimeInterval = 0, concentration: Double = 1
    ) -> SimulationConfiguration {
        let plans = (0..<count).map { index in
            let number = index < 9 ? "0\(index + 1)" : "\(index + 1)"
            return SimulatedChairPlan(
                chair: ChairDescriptor(id: ChairID("CHAIR-\(number)"), label: "CHAIR-\(number)"),
                monitor: DeviceID("MON\(number)"), pump: DeviceID("PUMP\(number)"),
                firstAdmission: Double(index) * stagger, concentration: MilligramsPerMilliliter(concentration))
        }
        return SimulationConfiguration(clinicName: "Test clinic", seed: seed, startTime: start, chairs: plans)
    }

    /// The instant `seconds` after the start.
    static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    /// Seconds after the start for an event's simulated instant.
    static func seconds(_ event: SimulatedEvent) -> TimeInterval { event.at.timeIntervalSince(start) }

    /// Events as the bus would have numbered them, received the instant they happened.
    static func clinicEvents(_ events: [SimulatedEvent]) -> [ClinicEvent] {
        events.enumerated().map { ClinicEvent(sequence: UInt64($0 + 1), receivedAt: $1.at, payload: $1.payload) }
    }

    static func replay(_ events: [SimulatedEvent]) -> ClinicState {
        ClinicReducer.replay(clinicEvents(events))
    }
}

extension SimulatedEvent {
    var vitals: VitalsObservation? {
        if case .vitalsObserved(let observation) = payload { observation } else { nil }
    }
    var pumpReport: PumpReport? {
        if case .pumpReported(let report) = payload { report } else { nil }
    }
    var unavailable: VitalsUnavailable? {
        if case .vitalsUnavailable(let notice) = payload { notice } else { nil }
    }
    var sessionStart: SessionStart? {
        if case .sessionStarted(let start) = payload { start } else { nil }
    }
    var isConcentration: Bool {
        if case .concentrationsEstimated = payload { true } else { false }
    }
    /// Whether this is a periodic vitals message (HR and friends, not NIBP).
    var isPeriodicVitals: Bool { vitals?.samples.contains { $0.kind == .heartRate } ?? false }
    var isBloodPressure: Bool { vitals?.samples.contains { $0.kind == .systolic } ?? false }

    func value(of kind: VitalKind) -> Double? { vitals?.samples.first { $0.kind == kind }?.value }
}

@Suite("Simulation fixtures")
struct SimulationFixtureTests {
    @Test("replay numbers events from 1 and receives them at their simulated instant")
    func replayNumbering() {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let events = clinic.advanceEvents(to: SimulationFixture.at(10))
        let numbered = SimulationFixture.clinicEvents(events)
        #expect(numbered.first?.sequence == 1)
        #expect(numbered.last?.sequence == UInt64(events.count))
        #expect(numbered.map(\.receivedAt) == events.map(\.at))
    }
}
