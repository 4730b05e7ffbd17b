import Foundation
import InfusionCore
import Testing

@Suite("Dose units and conversions")
struct DoseMathTests {
    @Test("The domain's worked example: 80 kg at 0.75 mg/kg/h is 60 mg/h, 60 mL/h at 1 mg/mL")
    func workedExample() {
        let weight = Kilograms(80)
        let rate = MilligramsPerKilogramPerHour(0.75)
        #expect(DoseMath.massRate(rate, weight: weight) == MilligramsPerHour(60))
        #expect(DoseMath.flow(for: rate, weight: weight, concentration: MilligramsPerMilliliter(1)) == MillilitersPerHour(60))
        #expect(DoseMath.flow(for: rate, weight: weight, concentration: MilligramsPerMilliliter(0.4)) == MillilitersPerHour(150))
    }

    @Test("0.5 mg/kg over 40 minutes is 0.75 mg/kg/h")
    func standardProtocolRate() {
        let order = InfusionOrder.ketamineStandard()
        #expect(abs(order.doseRate.value - 0.75) < 1e-12)
        #expect(order.plannedMass(weight: Kilograms(80)) == Milligrams(40))
    }

    @Test("mg/kg/h, mg/h and mL/h always agree (random weights, concentrations and rates)")
    func conversionsAgree() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let weight = Kilograms(Double.random(in: 30...200, using: &generator))
            let concentration = MilligramsPerMilliliter([0.4, 1, 2, 10, 50].randomElement(using: &generator)!)
            let rate = MilligramsPerKilogramPerHour(Double.random(in: 0.01...5, using: &generator))
            let flow = DoseMath.flow(for: rate, weight: weight, concentration: concentration)
            let back = DoseMath.doseRate(flow, weight: weight, concentration: concentration)
            #expect(abs(back.value - rate.value) < 1e-9 * max(1, rate.value))
            let massRate = DoseMath.massRate(flow, concentration: concentration)
            #expect(abs(massRate.value - rate.value * weight.value) < 1e-9 * max(1, massRate.value))
            // What the screen shows for one must be consistent with what it shows for the other.
            let shownFlow = Double(flow.formatted)!
            let shownRate = Double(rate.formatted)!
            #expect(abs(shownFlow - flow.value) <= 0.05 + 1e-9)
            #expect(abs(shownRate - rate.value) <= 0.005 + 1e-9)
        }
    }

    @Test("Zero weight or concentration never divides by zero")
    func zeroGuards() {
        #expect(DoseMath.flow(for: MilligramsPerHour(10), concentration: .zero) == .zero)
        #expect(DoseMath.doseRate(MillilitersPerHour(10), weight: .zero, concentration: MilligramsPerMilliliter(1)) == .zero)
        #expect(DoseMath.timeToDeliver(Milligrams(10), at: .zero) == nil)
        #expect(DoseMath.timeToDeliver(Milligrams(30), at: MilligramsPerHour(60)) == 1800)
    }
}

@Suite("Number text never produces an ambiguous decimal")
struct NumberTextTests {
    @Test("Leading zero and fixed decimals", arguments: [
        (0.75, 2, "0.75"), (0.5, 2, "0.50"), (12.345, 1, "12.3"), (60, 1, "60.0"), (0.04, 1, "0.0"),
        (-0.1, 2, "-0.10"), (0.999, 2, "1.00"), (72.4, 0, "72"), (1234.5678, 3, "1234.568"),
    ])
    func fixed(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.fixed(value, decimals: decimals) == expected)
    }

    @Test("Random values never start or end with a bare decimal point")
    func neverNaked() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let value = Double.random(in: -1000...1000, using: &generator) / Double([1, 10, 1000].randomElement(using: &generator)!)
            for decimals in 0...4 {
                let text = NumberText.fixed(value, decimals: decimals)
                #expect(!text.hasPrefix("."))
                #expect(!text.hasPrefix("-."))
                #expect(!text.hasSuffix("."))
                #expect(abs(Double(text)! - value) <= 0.5 * pow(10, -Double(decimals)) + 1e-9)
            }
        }
    }

    @Test("Non-finite values show as --")
    func nonFinite() {
        #expect(NumberText.fixed(.nan, decimals: 2) == "--")
        #expect(NumberText.whole(.infinity) == "--")
    }

    @Test("Durations as clock text and ages")
    func durations() {
        #expect(DurationText.clock(750) == "12:30")
        #expect(DurationText.clock(2400) == "40:00")
        #expect(DurationText.clock(3900) == "1:05:00")
        #expect(DurationText.clock(-5) == "00:00")
        #expect(DurationText.age(12) == "12s")
        #expect(DurationText.age(250) == "4m")
        #expect(DurationText.age(7300) == "2h")
    }
}
