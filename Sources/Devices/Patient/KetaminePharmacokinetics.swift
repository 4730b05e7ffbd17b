/// The amount of ketamine in a patient's body over time: a three-compartment model with an
/// effect site, solved exactly.
///
/// Amounts are in mg; concentrations in µg/mL (which equals mg/L). The equations, with
/// `A1...A3` the compartment amounts, `R` the infusion rate in mg/min and `V1` the central
/// volume in litres:
///
///     A1' = R − (k10 + k12 + k13)·A1 + k21·A2 + k31·A3
///     A2' = k12·A1 − k21·A2
///     A3' = k13·A1 − k31·A3
///     Ce' = ke0·(A1/V1 − Ce)
///
/// The rate is constant over each `advance` call, so the system is linear with a constant
/// input, and it is solved exactly with the matrix exponential of the system (rate carried
/// as an extra constant state). The result does not depend on the step length: one 60 s
/// step and sixty 1 s steps agree to rounding. Time only moves through `advance`; there is
/// no clock.
///
/// ```swift
/// var pk = KetaminePharmacokinetics(weightKilograms: 80)
/// pk.advance(seconds: 600, infusionMilligramsPerHour: 60)   // 0.75 mg/kg/h for 10 min
/// pk.plasmaMicrogramsPerMilliliter                           // ≈ 0.18
/// ```
public struct KetaminePharmacokinetics: Sendable {
    /// The model parameters (per kg).
    public let parameters: Parameters
    /// Body weight the per-kg parameters are scaled by, in kg.
    public let weightKilograms: Double

    /// Amount in the central (plasma) compartment, mg.
    public private(set) var centralMilligrams: Double = 0
    /// Amount in the rapidly equilibrating peripheral compartment, mg.
    public private(set) var rapidPeripheralMilligrams: Double = 0
    /// Amount in the slowly equilibrating peripheral compartment, mg.
    public private(set) var slowPeripheralMilligrams: Double = 0
    /// Effect-site concentration, µg/mL. The effect site holds no mass of its own.
    public private(set) var effectSiteMicrogramsPerMilliliter: Double = 0
    /// Total amount eliminated from the body so far, mg.
    public private(set) var eliminatedMilligrams: Double = 0
    /// Total amount given so far (infusions and boluses), mg.
    public private(set) var administeredMilligrams: Double = 0
    /// Simulated time advanced so far, seconds.
    public private(set) var elapsedSeconds: Double = 0

    /// The propagator `exp(M h)` for the last step length `h`, reused while steps repeat.
    private var cachedStep: CachedPropagator?

    /// Creates a drug-free patient of the given weight (kg, finite and positive).
    public init(weightKilograms: Double, parameters: Parameters = .domino) {
        precondition(weightKilograms.isFinite && weightKilograms > 0, "weight must be positive")
        self.weightKilograms = weightKilograms
        self.parameters = parameters
    }

    /// Central volume of distribution, L.
    public var centralVolumeLiters: Double {
        parameters.centralVolumeLitersPerKilogram * weightKilograms
    }

    /// Plasma concentration, µg/mL (= mg/L = A1 / V1).
    public var plasmaMicrogramsPerMilliliter: Double {
        centralMilligrams / centralVolumeLiters
    }

    /// Amount in the body (all three compartments), mg.
    public var bodyMilligrams: Double {
        centralMilligrams + rapidPeripheralMilligrams + slowPeripheralMilligrams
    }

    /// Moves the model forward by `seconds` with the infusion running at a constant
    /// `infusionMilligramsPerHour` over the whole step.
    ///
    /// Call it at every rate change: a step assumes one rate throughout. Both arguments
    /// must be finite and not negative (a negative value is a programming error).
    public mutating func advance(seconds: Double, infusionMilligramsPerHour: Double) {
        precondition(seconds.isFinite && seconds >= 0, "a step must be finite and not negative")
        precondition(
            infusionMilligramsPerHour.isFinite && infusionMilligramsPerHour >= 0,
            "an infusion rate must be finite and not negative")
        guard seconds > 0 else { return }

        let propagator = propagator(forSeconds: seconds)
        let rateMilligramsPerMinute = infusionMilligramsPerHour / 60
        let state = propagator.applied(to: [
            centralMilligrams, rapidPeripheralMilligrams, slowPeripheralMilligrams,
            effectSiteMicrogramsPerMilliliter, eliminatedMilligrams, rateMilligramsPerMinute,
        ])
        centralMilligrams = state[StateIndex.central]
        rapidPeripheralMilligrams = state[StateIndex.rapidPeripheral]
        slowPeripheralMilligrams = state[StateIndex.slowPeripheral]
        effectSiteMicrogramsPerMilliliter = state[StateIndex.effectSite]
        eliminatedMilligrams = state[StateIndex.eliminated]
        administeredMilligrams += rateMilligramsPerMinute * seconds / 60
        elapsedSeconds += seconds
    }

    /// Gives a bolus: `milligrams` enter the central compartment at once.
    public mutating func administerBolus(milligrams: Double) {
        precondition(milligrams.isFinite && milligrams >= 0, "a bolus must be finite and not negative")
        centralMilligrams += milligrams
        administeredMilligrams += milligrams
    }

    // MARK: - The linear system

    /// Positions in the augmented state vector.
    private enum StateIndex {
        static let central = 0, rapidPeripheral = 1, slowPeripheral = 2
        static let effectSite = 3, eliminated = 4, rate = 5
        static let count = 6
    }

    private struct CachedPropagator: Sendable {
        let seconds: Double
        let matrix: SquareMatrix
    }

    private mutating func propagator(forSeconds seconds: Double) -> SquareMatrix {
        if let cachedStep, cachedStep.seconds == seconds { return cachedStep.matrix }
        let matrix = systemMatrixPerMinute().exponential(times: seconds / 60)
        cachedStep = CachedPropagator(seconds: seconds, matrix: matrix)
        return matrix
    }

    /// The augmented system matrix `M` (per minute) for the state
    /// `[A1, A2, A3, Ce, eliminated, R]`, with `R' = 0` carrying the constant rate.
    private func systemMatrixPerMinute() -> SquareMatrix {
        let p = parameters
        var m = SquareMatrix(
            order: StateIndex.count,
            entries: Array(repeating: 0, count: StateIndex.count * StateIndex.count))
        let (c, r, s) = (StateIndex.central, StateIndex.rapidPeripheral, StateIndex.slowPeripheral)
        m[c, c] = -(p.k10PerMinute + p.k12PerMinute + p.k13PerMinute)
        m[c, r] = p.k21PerMinute
        m[c, s] = p.k31PerMinute
        m[c, StateIndex.rate] = 1
        m[r, c] = p.k12PerMinute
        m[r, r] = -p.k21PerMinute
        m[s, c] = p.k13PerMinute
        m[s, s] = -p.k31PerMinute
        m[StateIndex.effectSite, c] = p.ke0PerMinute / centralVolumeLiters
        m[StateIndex.effectSite, StateIndex.effectSite] = -p.ke0PerMinute
        m[StateIndex.eliminated, c] = p.k10PerMinute
        return m
    }
}
