import Foundation
import Testing

@testable import Devices

/// The standard depression protocol, 0.5 mg/kg over 40 min (0.75 mg/kg/h), in an 80 kg
/// patient: 40 mg at 60 mg/h.
@Suite("Ketamine pharmacokinetics: the standard protocol")
struct PharmacokineticProtocolTests {
    struct Trace {
        var plasma: [Double] = []
        var effectSite: [Double] = []
        var model: KetaminePharmacokinetics
    }

    /// Runs 0.5 mg/kg over 40 min, then 80 min without drug, in 1 s steps; index i is the
    /// state after i + 1 seconds.
    func runStandardProtocol(weightKilograms: Double = 80) -> Trace {
        var trace = Trace(model: KetaminePharmacokinetics(weightKilograms: weightKilograms))
        let rate = 0.75 * weightKilograms
        for second in 0..<(120 * 60) {
            trace.model.advance(seconds: 1, infusionMilligramsPerHour: second < 2400 ? rate : 0)
            trace.plasma.append(trace.model.plasmaMicrogramsPerMilliliter)
            trace.effectSite.append(trace.model.effectSiteMicrogramsPerMilliliter)
        }
        return trace
    }

    func peak(_ series: [Double]) -> (value: Double, minutes: Double) {
        let index = series.indices.max { series[$0] < series[$1] } ?? 0
        return (series[index], Double(index + 1) / 60)
    }

    @Test("Peak plasma level is plausible (0.1–0.3 µg/mL) and comes at the end of the infusion")
    func peakPlasma() {
        let trace = runStandardProtocol()
        let (level, minutes) = peak(trace.plasma)
        // Model value: 0.240 µg/mL at 40.0 min (documented in docs/virtual-patient.md).
        #expect(level > 0.1 && level < 0.3)
        #expect(abs(level - 0.2403) < 0.001)
        #expect(abs(minutes - 40) < 0.05)
        #expect(abs(trace.model.administeredMilligrams - 40) < 1e-9)
    }

    @Test("The effect site lags the plasma: below it while rising, above it after the stop")
    func effectSiteLags() {
        let trace = runStandardProtocol()
        for index in 0..<2400 {
            #expect(trace.effectSite[index] < trace.plasma[index])
        }
        for index in 2401..<(60 * 60) {
            #expect(trace.effectSite[index] > trace.plasma[index])
        }
        let plasmaPeak = peak(trace.plasma)
        let effectPeak = peak(trace.effectSite)
        #expect(effectPeak.minutes > plasmaPeak.minutes)
        #expect(effectPeak.value < plasmaPeak.value)
        #expect(effectPeak.value > 0.2)
    }

    @Test("Concentrations fall quickly after the infusion stops")
    func washout() {
        let trace = runStandardProtocol()
        let atEnd = trace.plasma[2399]
        #expect(trace.plasma[45 * 60 - 1] < 0.5 * atEnd)
        #expect(trace.plasma[120 * 60 - 1] < 0.2 * atEnd)
    }

    @Test("Weight-based dosing gives the same concentrations at any weight", arguments: [55.0, 120.0])
    func concentrationIndependentOfWeight(weight: Double) {
        let reference = runStandardProtocol()
        let other = runStandardProtocol(weightKilograms: weight)
        for index in stride(from: 0, to: reference.plasma.count, by: 60) {
            #expect(abs(reference.plasma[index] - other.plasma[index]) <= 1e-9 * reference.plasma[index])
        }
    }
}
