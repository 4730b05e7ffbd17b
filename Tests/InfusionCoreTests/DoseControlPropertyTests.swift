import Foundation
import InfusionCore
import Testing
import TestSupport


/// For random weights, concentrations and dose rates, the preview's mg/kg/h, mg/h and mL/h
/// agree, and no number is written with an ambiguous decimal.
@Suite struct DoseControlPropertyTests {
    /// `12`, `0.75`, `-0.10`: digits, then optionally one point and digits; never `.75` or `5.`.
    static func isUnambiguous(_ text: String) -> Bool {
        text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?/) != nil
    }

    @Test(arguments: [1 as UInt64, 2, 3, 4])
    func previewUnitsAgree(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var library = DrugLibrary.exampleKetamine
        library.concentrations = [0.4, 1, 2, 10, 50].map(MilligramsPerMilliliter.init)
        library.totalDoseLimits = TotalDoseLimits(soft: MilligramsPerKilogram(10), hard: MilligramsPerKilogram(20))
        let concentrations = library.concentrations
        let access = DoseFixtures.access(DoseFixtures.physician)
        for _ in 0..<40 {
            let weight = (Double.random(in: 30...200, using: &random) * 10).rounded() / 10
            let concentration = concentrations.randomElement(using: &random)!.value
            let oldRate = (Double.random(in: 0.2...1.4, using: &random) * 100).rounded() / 100
            let newRate = (Double.random(in: 0.1...1.5, using: &random) * 100).rounded() / 100
            guard abs(newRate - oldRate) >= 0.01 else { continue }
            let state = DoseFixtures.singleChair(weight: weight, concentration: concentration, rate: oldRate)
            let intent = RateChangeIntent(
                chair: DoseFixtures.chair1, oldRate: DoseFixtures.rate(oldRate), newRate: DoseFixtures.rate(newRate),
                reason: "test", reentry: DoseFixtures.rate(newRate))
            let check = RateChangeValidator.check(
                intent, state: state, library: DrugLibrary(drugs: [library]), access: access, at: DoseFixtures.now)
            let preview = try #require(check.preview, "\(weight) kg \(concentration) mg/mL \(oldRate)→\(newRate): \(check)")
            #expect(check.isReady)
            // Exact agreement.
            #expect(abs(preview.newMassRate.value - newRate * weight) < 1e-9 * max(1, newRate * weight))
            #expect(abs(preview.newFlow.value * concentration - preview.newMassRate.value) < 1e-9 * max(1, preview.newMassRate.value))
            #expect(abs(preview.oldRate.value - oldRate) < 1e-9)
            // Shown agreement: the displayed numbers convert into each other within display rounding.
            let shownRate = try #require(Double(preview.newRate.formatted))
            let shownMass = try #require(Double(preview.newMassRate.formatted))
            let shownFlow = try #require(Double(preview.newFlow.formatted))
            #expect(abs(shownRate * weight - shownMass) <= 0.005 * weight + 0.05 + 1e-9)
            #expect(abs(shownFlow * concentration - shownMass) <= 0.05 * concentration + 0.05 + 1e-9)
            for text in [preview.newRate.formatted, preview.oldRate.formatted, preview.newMassRate.formatted,
                         preview.newFlow.formatted, preview.oldFlow.formatted, preview.weight.formatted,
                         preview.concentration.formatted, preview.projectedTotal.formatted, preview.doseGiven.formatted] {
                #expect(Self.isUnambiguous(text), "\(text)")
            }
            #expect(preview.foldText.hasPrefix("×") && Self.isUnambiguous(String(preview.foldText.dropFirst())))
            for line in preview.lines(clock: { _ in "09:00" }) {
                #expect(line.firstMatch(of: /(^|[^0-9])\.[0-9]/) == nil, "naked decimal in \(line)")
            }
        }
    }

    @Test func numberTextNeverWritesAnAmbiguousDecimal() {
        var random = SplitMix64(seed: 99)
        for _ in 0..<2000 {
            let magnitude = Double.random(in: -4...4, using: &random)
            let value = (Bool.random(using: &random) ? 1 : -1) * pow(10, magnitude)
            for decimals in 0...3 {
                let text = NumberText.fixed(value, decimals: decimals)
                #expect(Self.isUnambiguous(text), "\(value) → \(text)")
                #expect(abs(Double(text)! - value) <= 0.5 * pow(10, Double(-decimals)) + 1e-9, "\(value) → \(text)")
            }
        }
    }
}
