import Foundation

/// A small, fast, repeatable random number generator (xoshiro256**, seeded through SplitMix64).
///
/// Why: the simulator's `--seed` must make a whole run repeatable, so every random draw in a
/// virtual patient (its sensitivity, its drift, its measurement noise) comes from one of these,
/// never from the system generator. Same seed and same sequence of calls give the same numbers
/// on every platform; the algorithm is fixed and will not change under callers.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let noise = rng.nextGaussian(standardDeviation: 2)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Creates a generator whose whole output is fixed by `seed`.
    ///
    /// The 256-bit state is filled from SplitMix64 run on `seed`, as the xoshiro authors
    /// recommend, so nearby seeds (1, 2, 3...) still give unrelated streams.
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        self.init(rawState: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
    }

    /// Creates an independent generator for one of several consumers sharing a run seed.
    ///
    /// Why: a clinic of several simulated chairs has one `--seed`; each chair (`stream`)
    /// gets its own stream so adding a chair does not change the others' patients.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(state: stream)
        self.init(seed: seed ^ mixer.next())
    }

    /// Creates a generator from the raw xoshiro state (tests against the reference vectors).
    ///
    /// The all-zero state is a fixed point of xoshiro; it is replaced by a fixed non-zero one.
    init(rawState: (UInt64, UInt64, UInt64, UInt64)) {
        if rawState == (0, 0, 0, 0) {
            (s0, s1, s2, s3) = (0x9E37_79B9_7F4A_7C15, 1, 2, 3)
        } else {
            (s0, s1, s2, s3) = rawState
        }
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// A uniform double in the half-open interval [0, 1), with 53 random bits.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A normally distributed double (Box–Muller), mean `mean` and standard deviation
    /// `standardDeviation`.
    ///
    /// Always consumes exactly two 64-bit draws, so the number of draws a caller makes does
    /// not depend on the values drawn: that keeps paired runs (with and without a drug)
    /// on the same noise.
    public mutating func nextGaussian(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        // u1 in (0, 1] so that log(u1) is finite.
        let u1 = (Double(next() >> 11) + 1) * 0x1p-53
        let u2 = nextUnitInterval()
        let standard = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return mean + standardDeviation * standard
    }

    /// A log-normally distributed factor with mean exactly 1 and the given spread of its log.
    ///
    /// Why: per-patient sensitivities scale an average response; a mean of 1 keeps the
    /// population average equal to the calibrated response, and the factor is never negative.
    public mutating func nextLogNormalFactor(logStandardDeviation sigma: Double) -> Double {
        exp(nextGaussian(mean: -sigma * sigma / 2, standardDeviation: sigma))
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}

/// SplitMix64: expands one 64-bit seed into well-mixed words (used only for seeding).
struct SplitMix64: Sendable {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
