// The units of Infusion Central. Each is a distinct type so the compiler keeps them apart.

/// A mass of drug, in milligrams.
public struct Milligrams: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "mg"
    public static let displayDecimals = 1
}

/// A patient's body weight, in kilograms (never pounds, never estimated).
public struct Kilograms: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "kg"
    public static let displayDecimals = 1
}

/// A drug concentration in the bag or syringe, in milligrams per millilitre.
public struct MilligramsPerMilliliter: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "mg/mL"
    public static let displayDecimals = 2
}

/// A weight-based dose rate, in milligrams per kilogram per hour (the dosing unit).
public struct MilligramsPerKilogramPerHour: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "mg/kg/h"
    public static let displayDecimals = 2
}

/// A drug mass rate, in milligrams per hour.
public struct MilligramsPerHour: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "mg/h"
    public static let displayDecimals = 1
}

/// A pump's volumetric flow, in millilitres per hour (what the pump is programmed in).
public struct MillilitersPerHour: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "mL/h"
    public static let displayDecimals = 1
}

/// A volume of fluid, in millilitres.
public struct Milliliters: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "mL"
    public static let displayDecimals = 1
}

/// A weight-based dose, in milligrams per kilogram (an order's total, e.g. 0.5 mg/kg).
public struct MilligramsPerKilogram: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "mg/kg"
    public static let displayDecimals = 2
}

/// A plasma or effect-site drug concentration, in micrograms per millilitre (= mg/L).
public struct MicrogramsPerMilliliter: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let unitSymbol = "µg/mL"
    public static let displayDecimals = 3
}
