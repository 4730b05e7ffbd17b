import Foundation

/// A slow random drift that always pulls back towards zero (an Ornstein–Uhlenbeck process).
///
/// Why: real vital signs wander for minutes at a time and come back; white noise alone looks
/// like a broken sensor, and a random walk wanders off for good. The process
///
///     dx = −x / τ · dt + σ · √(2 / τ) · dW
///
/// has stationary standard deviation σ and correlation time τ. It is advanced with its
/// exact discretisation, `x ← x·e^(−h/τ) + σ·√(1 − e^(−2h/τ))·N(0, 1)`, so its statistics do
/// not depend on the step length `h`.
struct OrnsteinUhlenbeckProcess: Sendable, Equatable {
    /// Stationary standard deviation, in the unit of the vital sign it perturbs.
    let standardDeviation: Double
    /// Correlation time, seconds.
    let timeConstantSeconds: Double
    /// The current deviation from the baseline.
    private(set) var value: Double

    /// Creates the process with its value drawn from the stationary distribution, so a new
    /// patient already sits somewhere in their usual range.
    init(standardDeviation: Double, timeConstantSeconds: Double, generator: inout SeededGenerator) {
        precondition(standardDeviation >= 0 && timeConstantSeconds > 0, "invalid drift parameters")
        self.standardDeviation = standardDeviation
        self.timeConstantSeconds = timeConstantSeconds
        self.value = generator.nextGaussian(standardDeviation: standardDeviation)
    }

    /// Moves the process forward by `seconds`; always draws exactly one Gaussian.
    mutating func advance(seconds: Double, generator: inout SeededGenerator) {
        let decay = exp(-seconds / timeConstantSeconds)
        let spread = standardDeviation * (1 - decay * decay).squareRoot()
        value = value * decay + generator.nextGaussian(standardDeviation: spread)
    }
}
