import Testing

@testable import Devices

@Suite("Virtual patient: physiological bounds")
struct PatientBoundsTests {
    @Test("Over a 2-hour session every vital stays plausible for a healthy adult", arguments: [UInt64](1...6))
    func twoHourSessionStaysPlausible(seed: UInt64) {
        var patient = VirtualPatient(seed: seed, weightKilograms: 80)
        for second in 0..<(120 * 60) {
            patient.advance(seconds: 1, infusionMilligramsPerHour: second < 2400 ? 60 : 0)
            let sample = patient.currentPhysiology()
            #expect(sample.spo2Percent >= 95 && sample.spo2Percent <= 99)
            #expect(sample.heartRateBeatsPerMinute > 50 && sample.heartRateBeatsPerMinute < 110)
            #expect(sample.systolicMillimetersOfMercury > 95 && sample.systolicMillimetersOfMercury < 175)
            #expect(sample.diastolicMillimetersOfMercury > 55 && sample.diastolicMillimetersOfMercury < 115)
            #expect(sample.respiratoryRateBreathsPerMinute > 8 && sample.respiratoryRateBreathsPerMinute < 21)
            #expect(sample.etco2MillimetersOfMercury > 30 && sample.etco2MillimetersOfMercury < 46)
            #expect(sample.temperatureCelsius > 36 && sample.temperatureCelsius < 37.6)
            #expect(sample.systolicMillimetersOfMercury - sample.diastolicMillimetersOfMercury >= 10)
        }
    }

    @Test("Mean arterial pressure is diastolic + one third of the pulse pressure")
    func meanArterialPressure() {
        var patient = VirtualPatient(seed: 12, weightKilograms: 80)
        patient.advance(seconds: 600, infusionMilligramsPerHour: 60)
        let sample = patient.currentPhysiology()
        let expected = sample.diastolicMillimetersOfMercury
            + (sample.systolicMillimetersOfMercury - sample.diastolicMillimetersOfMercury) / 3
        #expect(abs(sample.meanArterialMillimetersOfMercury - expected) < 1e-12)
        let fixed = PhysiologySample(
            elapsedSeconds: 0, heartRateBeatsPerMinute: 70, systolicMillimetersOfMercury: 120,
            diastolicMillimetersOfMercury: 81, spo2Percent: 98, respiratoryRateBreathsPerMinute: 14,
            etco2MillimetersOfMercury: 38, temperatureCelsius: 37, plasmaMicrogramsPerMilliliter: 0,
            effectSiteMicrogramsPerMilliliter: 0)
        #expect(fixed.meanArterialMillimetersOfMercury == 94)
    }

    @Test("Extreme doses and offsets are clamped: SpO2 never above 100, diastolic below systolic")
    func extremesAreClamped() {
        let adjustments: [PhysiologyAdjustments] = [
            PhysiologyAdjustments(
                heartRateOffsetBeatsPerMinute: 500, systolicOffsetMillimetersOfMercury: 500,
                diastolicOffsetMillimetersOfMercury: 500, spo2OffsetPercent: 50,
                respiratoryRateOffsetBreathsPerMinute: 100, etco2OffsetMillimetersOfMercury: 100,
                temperatureOffsetCelsius: 10),
            PhysiologyAdjustments(
                heartRateOffsetBeatsPerMinute: -500, systolicOffsetMillimetersOfMercury: -500,
                diastolicOffsetMillimetersOfMercury: 0, spo2OffsetPercent: -100,
                respiratoryRateOffsetBreathsPerMinute: -100, etco2OffsetMillimetersOfMercury: -100,
                temperatureOffsetCelsius: -10),
        ]
        for adjustment in adjustments {
            var patient = VirtualPatient(seed: 21, weightKilograms: 80)
            patient.administerBolus(milligrams: 800)
            patient.adjustments = adjustment
            for _ in 0..<600 {
                patient.advance(seconds: 1, infusionMilligramsPerHour: 2000)
                let sample = patient.currentPhysiology()
                #expect(sample.spo2Percent <= 100 && sample.spo2Percent >= 50)
                #expect((25...220).contains(sample.heartRateBeatsPerMinute))
                #expect((50...260).contains(sample.systolicMillimetersOfMercury))
                #expect(sample.diastolicMillimetersOfMercury <= sample.systolicMillimetersOfMercury - 10)
                #expect((4...45).contains(sample.respiratoryRateBreathsPerMinute))
                #expect((5...90).contains(sample.etco2MillimetersOfMercury))
                #expect((33...42).contains(sample.temperatureCelsius))
            }
        }
    }

    @Test("A baseline SpO2 of 100 % still reads at most 100 %")
    func saturatedBaseline() {
        var patient = VirtualPatient(
            seed: 5, weightKilograms: 80, baseline: BaselineVitals(spo2Percent: 100))
        for _ in 0..<3600 {
            patient.advance(seconds: 1, infusionMilligramsPerHour: 0)
            #expect(patient.currentPhysiology().spo2Percent <= 100)
        }
    }
}
