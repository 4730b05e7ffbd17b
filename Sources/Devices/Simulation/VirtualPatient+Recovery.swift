import Foundation
import InfusionCore

// A virtual patient for a session the simulator did not start itself: resting vitals from
// what the station recorded, and the infusion history replayed (see `SessionContinuation`).

extension VirtualPatient {
    /// Longest step of a replay, s: short enough for the haemodynamic onset lag to follow.
    static let replayStep: TimeInterval = 60

    /// Advances from `start` to `end` with `block` infused (nothing outside it), in steps of
    /// at most a minute (more for histories over a day, at most 5 000 steps).
    mutating func replay(_ block: SessionContinuation.InfusionBlock?, from start: Date, to end: Date) {
        let total = max(0, end.timeIntervalSince(start))
        let step = max(Self.replayStep, total / 5000)
        func run(_ seconds: TimeInterval, milligramsPerHour: Double) {
            var left = seconds
            while left > 0 {
                let length = min(step, left)
                advance(seconds: length, infusionMilligramsPerHour: milligramsPerHour)
                left -= length
            }
        }
        guard let block else {
            run(total, milligramsPerHour: 0)
            return
        }
        let blockStart = min(max(block.start, start), end)
        let blockEnd = min(max(block.end, blockStart), end)
        run(blockStart.timeIntervalSince(start), milligramsPerHour: 0)
        let duration = blockEnd.timeIntervalSince(blockStart)
        if duration > 0 {
            run(duration, milligramsPerHour: block.milligrams / duration * 3600)
        } else {
            administerBolus(milligrams: block.milligrams)
        }
        run(end.timeIntervalSince(blockEnd), milligramsPerHour: 0)
    }
}

extension BaselineVitals {
    /// Resting vitals from a session's recorded baseline (`SessionStart.baseline`), each
    /// missing or implausible value taken from `fallback`; the pressures are taken as a pair.
    init(recorded: [VitalKind: Double], fallback: BaselineVitals) {
        func value(_ kind: VitalKind, _ range: ClosedRange<Double>, _ otherwise: Double) -> Double {
            guard let value = recorded[kind], value.isFinite, range.contains(value) else { return otherwise }
            return value
        }
        let limits = PhysiologicalLimits.self
        var systolic = value(.systolic, limits.systolic, fallback.systolicMillimetersOfMercury)
        var diastolic = value(.diastolic, limits.diastolic, fallback.diastolicMillimetersOfMercury)
        if diastolic > systolic - limits.minimumPulsePressure {
            systolic = fallback.systolicMillimetersOfMercury
            diastolic = fallback.diastolicMillimetersOfMercury
        }
        self.init(
            heartRateBeatsPerMinute: value(.heartRate, limits.heartRate, fallback.heartRateBeatsPerMinute),
            systolicMillimetersOfMercury: systolic, diastolicMillimetersOfMercury: diastolic,
            respiratoryRateBreathsPerMinute: value(.respiratoryRate, limits.respiratoryRate, fallback.respiratoryRateBreathsPerMinute),
            spo2Percent: value(.spo2, limits.spo2, fallback.spo2Percent),
            etco2MillimetersOfMercury: value(.etco2, limits.etco2, fallback.etco2MillimetersOfMercury),
            temperatureCelsius: value(.temperature, limits.temperature, fallback.temperatureCelsius))
    }
}
