import Testing

@testable import Devices

/// One patient through the standard protocol (0.5 mg/kg over 40 min, then observation),
/// paired with the same patient (same seed, same noise) given nothing.
struct PairedProtocolRun {
    /// Per-minute samples with the drug; index m is the sample at the end of minute m + 1.
    var treated: [PhysiologySample] = []
    /// Per-minute samples of the same seed without drug.
    var untreated: [PhysiologySample] = []

    init(seed: UInt64, baseline: BaselineVitals = .typical, minutes: Int = 120, stepSeconds: Int = 2) {
        var withDrug = VirtualPatient(seed: seed, weightKilograms: 80, baseline: baseline)
        var without = VirtualPatient(seed: seed, weightKilograms: 80, baseline: baseline)
        let stepsPerMinute = 60 / stepSeconds
        for minute in 0..<minutes {
            for _ in 0..<stepsPerMinute {
                withDrug.advance(seconds: Double(stepSeconds), infusionMilligramsPerHour: minute < 40 ? 60 : 0)
                without.advance(seconds: Double(stepSeconds), infusionMilligramsPerHour: 0)
            }
            treated.append(withDrug.currentPhysiology())
            untreated.append(without.currentPhysiology())
        }
    }

    /// Per-minute rise of one vital sign caused by the drug.
    func rise(_ value: (PhysiologySample) -> Double) -> [Double] {
        zip(treated, untreated).map { value($0) - value($1) }
    }
}

/// Mean over patients, minute by minute.
func averagedBySeed(_ curves: [[Double]]) -> [Double] {
    curves[0].indices.map { minute in
        curves.reduce(0) { $0 + $1[minute] } / Double(curves.count)
    }
}

func peak(of curve: [Double]) -> (value: Double, minute: Int) {
    let index = curve.indices.max { curve[$0] < curve[$1] } ?? 0
    return (curve[index], index + 1)
}

@Suite("Virtual patient: haemodynamic response to ketamine")
struct PatientResponseTests {
    static let seeds: [UInt64] = Array(1...16)
    static let runs = seeds.map { PairedProtocolRun(seed: $0) }

    @Test("Systolic rise peaks at +10 to +16 mmHg between 25 and 45 min (mean of 16 patients)")
    func systolicRise() {
        let mean = averagedBySeed(Self.runs.map { $0.rise { $0.systolicMillimetersOfMercury } })
        let (value, minute) = peak(of: mean)
        #expect(value >= 10 && value <= 16)
        #expect(minute >= 25 && minute <= 45)
        #expect(mean[9] < 0.6 * value, "the rise builds through the infusion")
        #expect(mean[89] < 2, "and settles within 50 min of the end")
    }

    @Test("Diastolic rise is about two thirds of the systolic rise")
    func diastolicRise() {
        let systolic = averagedBySeed(Self.runs.map { $0.rise { $0.systolicMillimetersOfMercury } })
        let diastolic = averagedBySeed(Self.runs.map { $0.rise { $0.diastolicMillimetersOfMercury } })
        let ratio = peak(of: diastolic).value / peak(of: systolic).value
        #expect(ratio > 0.55 && ratio < 0.8)
        #expect(peak(of: diastolic).minute >= 25 && peak(of: diastolic).minute <= 45)
    }

    @Test("Heart rate rises a few beats per minute (+3 to +8)")
    func heartRateRise() {
        let mean = averagedBySeed(Self.runs.map { $0.rise { $0.heartRateBeatsPerMinute } })
        let (value, minute) = peak(of: mean)
        #expect(value >= 3 && value <= 8)
        #expect(minute >= 25 && minute <= 45)
    }

    @Test("The rise shows in the raw, noisy vitals too: minutes 30–40 against baseline")
    func riseVisibleInRawVitals() {
        let mean = averagedBySeed(Self.runs.map { run in run.treated.map(\.systolicMillimetersOfMercury) })
        let plateau = mean[29..<40].reduce(0, +) / 11
        let rise = plateau - BaselineVitals.typical.systolicMillimetersOfMercury
        #expect(rise > 8 && rise < 18)
    }

    @Test("Patients differ: the individual peak rises spread around the mean")
    func patientsDiffer() {
        let peaks = Self.runs.map { peak(of: $0.rise { $0.systolicMillimetersOfMercury }).value }
        #expect((peaks.max() ?? 0) - (peaks.min() ?? 0) > 5)
        #expect(peaks.allSatisfy { $0 > 0 })
    }

    @Test("No drug, no rise: the drug effect stays zero and vitals stay around baseline")
    func noRiseWithoutDrug() {
        var means = [Double](repeating: 0, count: 120)
        for seed in Self.seeds {
            var patient = VirtualPatient(seed: seed, weightKilograms: 80)
            for minute in 0..<120 {
                for _ in 0..<30 { patient.advance(seconds: 2, infusionMilligramsPerHour: 0) }
                #expect(patient.drugEffect == .none)
                means[minute] += patient.currentPhysiology().systolicMillimetersOfMercury
                    / Double(Self.seeds.count)
            }
        }
        let baseline = BaselineVitals.typical.systolicMillimetersOfMercury
        #expect(means.allSatisfy { abs($0 - baseline) < 5 })
    }

    @Test("A hypertensive patient starts near 150/95 and rises by the same drug effect")
    func hypertensivePatient() {
        let runs = [UInt64](1...8).map { PairedProtocolRun(seed: $0, baseline: .hypertensive, minutes: 60) }
        let untreatedSystolic = averagedBySeed(runs.map { $0.untreated.map(\.systolicMillimetersOfMercury) })
        let untreatedDiastolic = averagedBySeed(runs.map { $0.untreated.map(\.diastolicMillimetersOfMercury) })
        #expect(abs(untreatedSystolic.reduce(0, +) / 60 - 150) < 4)
        #expect(abs(untreatedDiastolic.reduce(0, +) / 60 - 95) < 3)
        let rise = averagedBySeed(runs.map { $0.rise { $0.systolicMillimetersOfMercury } })
        #expect(peak(of: rise).value >= 8 && peak(of: rise).value <= 18)
    }

    @Test("Scenario adjustments add on top of the physiology")
    func adjustmentsAdd() {
        var patient = VirtualPatient(seed: 3, weightKilograms: 80)
        patient.advance(seconds: 60, infusionMilligramsPerHour: 60)
        let before = patient.currentPhysiology()
        patient.adjustments.systolicOffsetMillimetersOfMercury = 30
        patient.adjustments.heartRateOffsetBeatsPerMinute = -20
        patient.adjustments.spo2OffsetPercent = -8
        patient.adjustments.respiratoryRateOffsetBreathsPerMinute = 6
        let after = patient.currentPhysiology()
        #expect(abs(after.systolicMillimetersOfMercury - before.systolicMillimetersOfMercury - 30) < 1e-9)
        #expect(abs(after.heartRateBeatsPerMinute - before.heartRateBeatsPerMinute + 20) < 1e-9)
        #expect(abs(after.spo2Percent - before.spo2Percent + 8) < 1e-9)
        #expect(abs(after.respiratoryRateBreathsPerMinute - before.respiratoryRateBreathsPerMinute - 6) < 1e-9)
        #expect(after.diastolicMillimetersOfMercury == before.diastolicMillimetersOfMercury)
        patient.adjustments = .none
        #expect(patient.currentPhysiology() == before)
    }
}
