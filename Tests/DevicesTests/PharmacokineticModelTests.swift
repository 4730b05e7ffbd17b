import Foundation
import Testing

@testable import Devices

/// Closed-form checks of the three-compartment model, computed here independently of the
/// model's matrix exponential.
@Suite("Ketamine pharmacokinetics: closed-form checks")
struct PharmacokineticModelTests {
    let parameters = KetaminePharmacokinetics.Parameters.domino
    let weight = 80.0

    /// The hybrid rate constants (α > β > γ, per minute): the roots of
    /// λ³ − a2·λ² + a1·λ − a0, found by bisection.
    func hybridRateConstants() -> [Double] {
        let p = parameters
        let a0 = p.k10PerMinute * p.k21PerMinute * p.k31PerMinute
        let a1 = p.k10PerMinute * p.k31PerMinute + p.k21PerMinute * p.k31PerMinute
            + p.k21PerMinute * p.k13PerMinute + p.k10PerMinute * p.k21PerMinute
            + p.k31PerMinute * p.k12PerMinute
        let a2 = p.k10PerMinute + p.k12PerMinute + p.k13PerMinute + p.k21PerMinute + p.k31PerMinute
        func polynomial(_ x: Double) -> Double { ((x - a2) * x + a1) * x - a0 }

        var roots: [Double] = []
        var low = 1e-6
        while low < 20 {
            let high = low * 1.01
            if polynomial(low).sign != polynomial(high).sign {
                var (a, b) = (low, high)
                for _ in 0..<200 {
                    let middle = (a + b) / 2
                    if polynomial(a).sign == polynomial(middle).sign { a = middle } else { b = middle }
                }
                roots.append((a + b) / 2)
            }
            low = high
        }
        return roots.sorted(by: >)
    }

    @Test("There are three distinct, positive hybrid rate constants")
    func threeRoots() {
        let roots = hybridRateConstants()
        #expect(roots.count == 3)
        #expect(roots.allSatisfy { $0 > 0 })
    }

    @Test("A bolus decays as the triexponential A·e^(−αt) + B·e^(−βt) + C·e^(−γt)")
    func bolusIsTriexponential() throws {
        let lambdas = hybridRateConstants()
        try #require(lambdas.count == 3)
        let p = parameters
        let dose = 20.0
        let volume = p.centralVolumeLitersPerKilogram * weight
        let coefficients = (0..<3).map { i in
            let others = (0..<3).filter { $0 != i }.map { lambdas[$0] }
            return dose / volume * (p.k21PerMinute - lambdas[i]) * (p.k31PerMinute - lambdas[i])
                / ((others[0] - lambdas[i]) * (others[1] - lambdas[i]))
        }
        #expect(abs(coefficients.reduce(0, +) - dose / volume) < 1e-12)

        var model = KetaminePharmacokinetics(weightKilograms: weight)
        model.administerBolus(milligrams: dose)
        for step in 1...240 {
            model.advance(seconds: 30, infusionMilligramsPerHour: 0)
            let minutes = Double(step) / 2
            let plasma = (0..<3).reduce(0) { $0 + coefficients[$1] * exp(-lambdas[$1] * minutes) }
            // Effect site: each exponential passed through the first-order ke0 link.
            let ke0 = p.ke0PerMinute
            let effect = (0..<3).reduce(0) {
                $0 + coefficients[$1] * ke0 / (ke0 - lambdas[$1])
                    * (exp(-lambdas[$1] * minutes) - exp(-ke0 * minutes))
            }
            #expect(abs(model.plasmaMicrogramsPerMilliliter - plasma) <= 1e-9 * plasma)
            #expect(abs(model.effectSiteMicrogramsPerMilliliter - effect) <= 1e-9 * effect)
        }
    }

    @Test("A constant infusion converges to Css = R / (k10 · V1) with the peripheral ratios")
    func steadyState() {
        let p = parameters
        let rateMilligramsPerHour = 60.0
        var model = KetaminePharmacokinetics(weightKilograms: weight)
        for _ in 0..<200 {
            model.advance(seconds: 3600, infusionMilligramsPerHour: rateMilligramsPerHour)
        }
        let steady = rateMilligramsPerHour / 60 / (p.k10PerMinute * model.centralVolumeLiters)
        let central = model.centralMilligrams
        #expect(abs(model.plasmaMicrogramsPerMilliliter - steady) <= 1e-9 * steady)
        #expect(abs(model.effectSiteMicrogramsPerMilliliter - steady) <= 1e-9 * steady)
        let rapid = central * p.k12PerMinute / p.k21PerMinute
        let slow = central * p.k13PerMinute / p.k31PerMinute
        #expect(abs(model.rapidPeripheralMilligrams - rapid) <= 1e-9 * rapid)
        #expect(abs(model.slowPeripheralMilligrams - slow) <= 1e-9 * slow)
    }

    @Test("Mass balance: given = in the body + eliminated, through rate changes and a bolus")
    func massBalance() {
        var model = KetaminePharmacokinetics(weightKilograms: weight)
        let schedule: [(seconds: Double, rate: Double, steps: Int)] = [
            (1, 60, 1200), (7, 0, 40), (10, 30, 120), (60, 120, 10), (0.5, 0, 600), (300, 0, 24),
        ]
        var expectedGiven = 0.0
        for (index, phase) in schedule.enumerated() {
            if index == 3 {
                model.administerBolus(milligrams: 5)
                expectedGiven += 5
            }
            for _ in 0..<phase.steps {
                model.advance(seconds: phase.seconds, infusionMilligramsPerHour: phase.rate)
                let balance = model.bodyMilligrams + model.eliminatedMilligrams
                #expect(abs(balance - model.administeredMilligrams) <= 1e-9 * max(1, balance))
            }
            expectedGiven += phase.seconds * Double(phase.steps) * phase.rate / 3600
        }
        #expect(abs(model.administeredMilligrams - expectedGiven) < 1e-9)
        #expect(model.eliminatedMilligrams > 0)
    }

    @Test("Sixty 1 s steps, twelve 5 s steps and one 60 s step agree", arguments: [0.0, 45.0, 600.0])
    func stepSizeIndependence(rate: Double) {
        var start = KetaminePharmacokinetics(weightKilograms: weight)
        start.administerBolus(milligrams: 3)
        start.advance(seconds: 90, infusionMilligramsPerHour: 60)

        var fine = start, medium = start, coarse = start
        for _ in 0..<60 { fine.advance(seconds: 1, infusionMilligramsPerHour: rate) }
        for _ in 0..<12 { medium.advance(seconds: 5, infusionMilligramsPerHour: rate) }
        coarse.advance(seconds: 60, infusionMilligramsPerHour: rate)

        for other in [medium, coarse] {
            let pairs = [
                (fine.centralMilligrams, other.centralMilligrams),
                (fine.rapidPeripheralMilligrams, other.rapidPeripheralMilligrams),
                (fine.slowPeripheralMilligrams, other.slowPeripheralMilligrams),
                (fine.effectSiteMicrogramsPerMilliliter, other.effectSiteMicrogramsPerMilliliter),
                (fine.eliminatedMilligrams, other.eliminatedMilligrams),
            ]
            for (a, b) in pairs {
                #expect(abs(a - b) <= 1e-11 * max(abs(a), 1e-12))
            }
            #expect(fine.elapsedSeconds == other.elapsedSeconds)
        }
    }

    @Test("Without drug nothing appears, and a zero-length step changes nothing")
    func noDrugStaysZero() {
        var model = KetaminePharmacokinetics(weightKilograms: weight)
        model.advance(seconds: 3600, infusionMilligramsPerHour: 0)
        #expect(model.plasmaMicrogramsPerMilliliter == 0)
        #expect(model.effectSiteMicrogramsPerMilliliter == 0)
        model.administerBolus(milligrams: 1)
        let before = model.centralMilligrams
        model.advance(seconds: 0, infusionMilligramsPerHour: 500)
        #expect(model.centralMilligrams == before)
        #expect(model.elapsedSeconds == 3600)
    }
}
