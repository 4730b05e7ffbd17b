extension KetaminePharmacokinetics {
    /// Weight-normalised parameters of a three-compartment model with an effect site.
    ///
    /// Compartment 1 is the central (plasma) volume, 2 a rapidly and 3 a slowly equilibrating
    /// peripheral compartment; `kij` is the first-order rate constant from compartment `i` to
    /// `j` and `k10` the elimination from the central compartment. `ke0` sets how fast the
    /// effect site (where the drug acts) follows the plasma concentration. Rate constants are
    /// per minute, as published; volumes are litres per kilogram of body weight.
    public struct Parameters: Sendable, Equatable {
        /// Central volume of distribution, L/kg.
        public var centralVolumeLitersPerKilogram: Double
        /// Elimination from the central compartment, per minute.
        public var k10PerMinute: Double
        /// Central to rapid peripheral, per minute.
        public var k12PerMinute: Double
        /// Rapid peripheral back to central, per minute.
        public var k21PerMinute: Double
        /// Central to slow peripheral, per minute.
        public var k13PerMinute: Double
        /// Slow peripheral back to central, per minute.
        public var k31PerMinute: Double
        /// Plasma to effect-site equilibration, per minute.
        public var ke0PerMinute: Double

        /// Creates a parameter set. Every value must be finite and greater than zero.
        public init(
            centralVolumeLitersPerKilogram: Double,
            k10PerMinute: Double,
            k12PerMinute: Double,
            k21PerMinute: Double,
            k13PerMinute: Double,
            k31PerMinute: Double,
            ke0PerMinute: Double
        ) {
            let all = [
                centralVolumeLitersPerKilogram, k10PerMinute, k12PerMinute, k21PerMinute,
                k13PerMinute, k31PerMinute, ke0PerMinute,
            ]
            precondition(all.allSatisfy { $0.isFinite && $0 > 0 }, "PK parameters must be positive")
            self.centralVolumeLitersPerKilogram = centralVolumeLitersPerKilogram
            self.k10PerMinute = k10PerMinute
            self.k12PerMinute = k12PerMinute
            self.k21PerMinute = k21PerMinute
            self.k13PerMinute = k13PerMinute
            self.k31PerMinute = k31PerMinute
            self.ke0PerMinute = ke0PerMinute
        }

        /// Ketamine after Domino et al. (1984), the set used by common TCI pumps, with the
        /// effect-site constant ke0 = 0.652 /min.
        public static let domino = Parameters(
            centralVolumeLitersPerKilogram: 0.063,
            k10PerMinute: 0.4381,
            k12PerMinute: 0.5921,
            k21PerMinute: 0.2470,
            k13PerMinute: 0.5900,
            k31PerMinute: 0.0146,
            ke0PerMinute: 0.652
        )
    }
}
