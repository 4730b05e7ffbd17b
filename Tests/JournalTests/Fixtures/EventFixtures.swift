import Foundation
import InfusionCore
import Synchronization
import TestSupport


/// The bus clock for tests: each reading is a fixed, deliberately non-round step later.
final class StepClock: Sendable {
    private let current: Mutex<Date>
    let step: TimeInterval

    init(start: Date = Date(timeIntervalSinceReferenceDate: 763_000_000.123_456), step: TimeInterval = 0.137) {
        current = Mutex(start)
        self.step = step
    }

    func now() -> Date {
        current.withLock { date in
            defer { date += step }
            return date
        }
    }
}

/// Payloads for a small clinic.
enum EventFixtures {
    static let origin = Date(timeIntervalSinceReferenceDate: 763_000_000)

    static func chair(_ index: Int) -> ChairID { ChairID("CHAIR-\(index)") }
    static func monitor(_ index: Int) -> DeviceID { DeviceID("MON\(index)") }
    static func pump(_ index: Int) -> DeviceID { DeviceID("PUMP\(index)") }

    /// Clinic name, chairs, and a simulated monitor and pump per chair.
    static func setup(chairs: Int) -> [ClinicEventPayload] {
        var payloads: [ClinicEventPayload] = [.clinicNamed("Test Clinic")]
        for index in 1...chairs {
            payloads.append(.chairConfigured(ChairDescriptor(id: chair(index), label: "CHAIR-0\(index)")))
            payloads.append(.deviceRegistered(DeviceDescriptor(
                id: monitor(index), label: "MON\(index)", kind: .monitor, chair: chair(index), isSimulated: true,
                expectedInterval: 1, timeout: 10)))
            payloads.append(.deviceRegistered(DeviceDescriptor(
                id: pump(index), label: "PUMP\(index)", kind: .pump, chair: chair(index), isSimulated: true,
                expectedInterval: 5, timeout: 30)))
        }
        return payloads
    }

    static func vitals(chair index: Int, heartRate: Double, at time: Date) -> ClinicEventPayload {
        .vitalsObserved(VitalsObservation(
            chair: chair(index), device: monitor(index),
            samples: [VitalSample(kind: .heartRate, value: heartRate, measuredAt: time), VitalSample(kind: .spo2, value: 98, measuredAt: time)]))
    }

    static func sessionStart(chair index: Int, session: String, at time: Date) -> ClinicEventPayload {
        .sessionStarted(SessionStart(
            session: SessionID(session), chair: chair(index),
            patient: PatientIdentity(mrn: "MRN000\(index)", name: "Test Patient", dateOfBirth: "1980-01-01"),
            weight: Kilograms(70.5), weighedAt: time, order: .ketamineStandard(), baseline: [.heartRate: 72, .spo2: 98],
            admittedAt: time))
    }

    /// A random event for one of `chairs` chairs at `time`; tracks open sessions so that
    /// phase changes and closings mostly refer to real sessions (some deliberately do not).
    static func random(
        chairs: Int, at time: Date, sessions: inout [Int: SessionID], counter: inout Int, using rng: inout SplitMix64
    ) -> ClinicEventPayload {
        let index = Int.random(in: 1...chairs, using: &rng)
        let roll = Int.random(in: 0..<100, using: &rng)
        let measured = time.addingTimeInterval(-Double.random(in: 0...3, using: &rng))
        switch roll {
        case 0..<50:
            return vitals(chair: index, heartRate: Double.random(in: 40...140, using: &rng).rounded(), at: measured)
        case 50..<55:
            let sys = Double(Int.random(in: 90...160, using: &rng))
            return .vitalsObserved(VitalsObservation(
                chair: chair(index), device: monitor(index),
                samples: [
                    VitalSample(kind: .systolic, value: sys, measuredAt: measured),
                    VitalSample(kind: .diastolic, value: sys - 40, measuredAt: measured),
                    VitalSample(kind: .meanPressure, value: sys - 27, measuredAt: measured),
                    VitalSample(kind: .temperature, value: .nan, measuredAt: measured),
                ]))
        case 55..<70:
            let status: [PumpStatus] = [.idle, .infusing, .infusing, .paused, .complete, .kvo, .stopped]
            return .pumpReported(PumpReport(
                chair: chair(index), device: pump(index), status: status.randomElement(using: &rng)!,
                rate: MillilitersPerHour(Double(Int.random(in: 0...60, using: &rng))),
                volumeInfused: Milliliters(Double.random(in: 0...50, using: &rng)),
                concentration: MilligramsPerMilliliter(1), measuredAt: measured))
        case 70..<75:
            return .vitalsUnavailable(VitalsUnavailable(
                chair: chair(index), device: monitor(index), kinds: [.spo2], reason: "probe off", at: measured))
        case 75..<80:
            return .deviceLinkChanged(DeviceLinkChange(
                chair: chair(index), device: monitor(index), state: Bool.random(using: &rng) ? .lost : .connected, at: measured))
        case 80..<85:
            return .concentrationsEstimated(ConcentrationEstimate(
                chair: chair(index), plasma: MicrogramsPerMilliliter(Double.random(in: 0...0.5, using: &rng)),
                effectSite: MicrogramsPerMilliliter(Double.random(in: 0...0.5, using: &rng)), at: measured))
        case 85..<91:
            counter += 1
            let session = SessionID("S-\(counter)")
            sessions[index] = session
            return sessionStart(chair: index, session: session.rawValue, at: measured)
        case 91..<96:
            let phases: [SessionPhase] = [.observation, .readyForDischarge, .signedOff]
            return .sessionPhaseChanged(SessionPhaseChange(
                chair: chair(index), session: sessions[index] ?? SessionID("S-none"),
                phase: phases.randomElement(using: &rng)!, at: measured))
        default:
            let session = sessions[index] ?? SessionID("S-none")
            sessions[index] = nil
            return .sessionEnded(SessionEnd(chair: chair(index), session: session, at: measured))
        }
    }

    /// A reproducible random stream: the setup, then `count` random events.
    static func randomStream(seed: UInt64, count: Int, chairs: Int = 4) -> [ClinicEventPayload] {
        var rng = SplitMix64(seed: seed)
        var sessions: [Int: SessionID] = [:]
        var counter = 0
        var payloads = setup(chairs: chairs)
        for step in 0..<count {
            let time = origin.addingTimeInterval(Double(step) * 0.5)
            payloads.append(random(chairs: chairs, at: time, sessions: &sessions, counter: &counter, using: &rng))
        }
        return payloads
    }
}
