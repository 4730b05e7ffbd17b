public import Foundation

/// What the physician ordered: a weight-based dose over a duration at a concentration.
public struct InfusionOrder: Hashable, Codable, Sendable {
    public var drugName: String
    /// Total dose, e.g. 0.5 mg/kg.
    public var dose: MilligramsPerKilogram
    /// Planned infusion time in seconds, e.g. 2400 (40 min).
    public var duration: TimeInterval
    public var concentration: MilligramsPerMilliliter

    public init(drugName: String, dose: MilligramsPerKilogram, duration: TimeInterval, concentration: MilligramsPerMilliliter) {
        self.drugName = drugName
        self.dose = dose
        self.duration = duration
        self.concentration = concentration
    }

    /// The constant rate that delivers the order (0.5 mg/kg over 40 min = 0.75 mg/kg/h).
    public var doseRate: MilligramsPerKilogramPerHour { DoseMath.rate(for: dose, over: duration) }

    /// Planned total drug mass for a weight.
    public func plannedMass(weight: Kilograms) -> Milligrams { DoseMath.mass(dose, weight: weight) }

    /// Pump flow for the ordered rate.
    public func flow(weight: Kilograms) -> MillilitersPerHour {
        DoseMath.flow(for: doseRate, weight: weight, concentration: concentration)
    }

    /// The common ketamine protocol: 0.5 mg/kg over 40 minutes.
    public static func ketamineStandard(concentration: MilligramsPerMilliliter = MilligramsPerMilliliter(1)) -> InfusionOrder {
        InfusionOrder(drugName: "Ketamine", dose: MilligramsPerKilogram(0.5), duration: 2400, concentration: concentration)
    }
}
