import Testing

@testable import Devices

@Suite("Virtual patient: determinism")
struct PatientDeterminismTests {
    /// Samples a patient every second for `seconds`, infusing `rate` mg/h throughout.
    func series(seed: UInt64, seconds: Int = 900, rate: Double = 60) -> [PhysiologySample] {
        var patient = VirtualPatient(seed: seed, weightKilograms: 80)
        return (0..<seconds).map { _ in
            patient.advance(seconds: 1, infusionMilligramsPerHour: rate)
            return patient.currentPhysiology()
        }
    }

    @Test("The same seed gives an identical series")
    func sameSeedSameSeries() {
        #expect(series(seed: 31) == series(seed: 31))
    }

    @Test("Different seeds give different series and sensitivities")
    func differentSeedsDiffer() {
        let first = series(seed: 31)
        let second = series(seed: 32)
        let differing = zip(first, second).filter {
            $0.systolicMillimetersOfMercury != $1.systolicMillimetersOfMercury
        }
        #expect(differing.count == first.count)
        let a = VirtualPatient(seed: 31, weightKilograms: 80)
        let b = VirtualPatient(seed: 32, weightKilograms: 80)
        #expect(a.sensitivity != b.sensitivity)
    }

    @Test("Reading the physiology is pure: it neither advances time nor draws noise")
    func readingIsPure() {
        var patient = VirtualPatient(seed: 8, weightKilograms: 70)
        patient.advance(seconds: 5, infusionMilligramsPerHour: 52.5)
        let first = patient.currentPhysiology()
        let second = patient.currentPhysiology()
        #expect(first == second)
        #expect(first.elapsedSeconds == 5)
    }

    @Test("The drug does not change the noise: a paired run differs only by the drug effect")
    func noiseIndependentOfDrug() {
        var withDrug = VirtualPatient(seed: 77, weightKilograms: 80)
        var without = VirtualPatient(seed: 77, weightKilograms: 80)
        for second in 0..<3600 {
            withDrug.advance(seconds: 1, infusionMilligramsPerHour: second < 2400 ? 60 : 0)
            without.advance(seconds: 1, infusionMilligramsPerHour: 0)
            let a = withDrug.currentPhysiology()
            let b = without.currentPhysiology()
            #expect(a.spo2Percent == b.spo2Percent)
            #expect(a.respiratoryRateBreathsPerMinute == b.respiratoryRateBreathsPerMinute)
            #expect(a.etco2MillimetersOfMercury == b.etco2MillimetersOfMercury)
            #expect(a.temperatureCelsius == b.temperatureCelsius)
            let rise = a.systolicMillimetersOfMercury - b.systolicMillimetersOfMercury
            #expect(abs(rise - withDrug.drugEffect.systolicRiseMillimetersOfMercury) < 1e-9)
        }
    }

    @Test("A fixed sensitivity replaces the drawn one but keeps the seed's noise")
    func fixedSensitivityKeepsNoise() {
        var drawn = VirtualPatient(seed: 4, weightKilograms: 80)
        var fixed = VirtualPatient(seed: 4, weightKilograms: 80, sensitivity: .average)
        #expect(fixed.sensitivity == .average)
        for _ in 0..<60 {
            drawn.advance(seconds: 1, infusionMilligramsPerHour: 0)
            fixed.advance(seconds: 1, infusionMilligramsPerHour: 0)
        }
        #expect(drawn.currentPhysiology() == fixed.currentPhysiology())
    }
}
