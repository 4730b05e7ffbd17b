public import Foundation

/// The one place where dose units are converted into one another.
///
/// mg/h = mg/kg/h × kg; mL/h = mg/h ÷ mg/mL; mg = mg/h × hours. Every screen, report and
/// pump command goes through these functions so that the figures shown always agree.
public enum DoseMath {
    /// Drug mass per hour for a weight-based rate.
    public static func massRate(_ rate: MilligramsPerKilogramPerHour, weight: Kilograms) -> MilligramsPerHour {
        MilligramsPerHour(rate.value * weight.value)
    }

    /// Pump flow that delivers a weight-based rate at a concentration.
    public static func flow(
        for rate: MilligramsPerKilogramPerHour, weight: Kilograms, concentration: MilligramsPerMilliliter
    ) -> MillilitersPerHour {
        flow(for: massRate(rate, weight: weight), concentration: concentration)
    }

    /// Pump flow that delivers a mass rate at a concentration.
    public static func flow(for rate: MilligramsPerHour, concentration: MilligramsPerMilliliter) -> MillilitersPerHour {
        guard concentration.value > 0 else { return .zero }
        return MillilitersPerHour(rate.value / concentration.value)
    }

    /// Drug mass per hour that a pump flow delivers.
    public static func massRate(_ flow: MillilitersPerHour, concentration: MilligramsPerMilliliter) -> MilligramsPerHour {
        MilligramsPerHour(flow.value * concentration.value)
    }

    /// Weight-based rate that a pump flow delivers.
    public static func doseRate(
        _ flow: MillilitersPerHour, weight: Kilograms, concentration: MilligramsPerMilliliter
    ) -> MilligramsPerKilogramPerHour {
        guard weight.value > 0 else { return .zero }
        return MilligramsPerKilogramPerHour(massRate(flow, concentration: concentration).value / weight.value)
    }

    /// Drug mass delivered by a constant mass rate over `duration` seconds.
    public static func mass(_ rate: MilligramsPerHour, over duration: TimeInterval) -> Milligrams {
        Milligrams(rate.value * max(0, duration) / 3600)
    }

    /// Volume delivered by a constant flow over `duration` seconds.
    public static func volume(_ flow: MillilitersPerHour, over duration: TimeInterval) -> Milliliters {
        Milliliters(flow.value * max(0, duration) / 3600)
    }

    /// Total drug mass for a weight-based dose.
    public static func mass(_ dose: MilligramsPerKilogram, weight: Kilograms) -> Milligrams {
        Milligrams(dose.value * weight.value)
    }

    /// Weight-based dose for a mass.
    public static func dose(_ mass: Milligrams, weight: Kilograms) -> MilligramsPerKilogram {
        guard weight.value > 0 else { return .zero }
        return MilligramsPerKilogram(mass.value / weight.value)
    }

    /// The constant rate that gives `dose` over `duration` seconds (0.5 mg/kg over 40 min = 0.75 mg/kg/h).
    public static func rate(for dose: MilligramsPerKilogram, over duration: TimeInterval) -> MilligramsPerKilogramPerHour {
        guard duration > 0 else { return .zero }
        return MilligramsPerKilogramPerHour(dose.value * 3600 / duration)
    }

    /// Seconds a mass rate needs to deliver `remaining`; nil when the rate is zero.
    public static func timeToDeliver(_ remaining: Milligrams, at rate: MilligramsPerHour) -> TimeInterval? {
        guard rate.value > 0 else { return nil }
        return max(0, remaining.value) / rate.value * 3600
    }
}
