public import Foundation

/// Lower and upper limits on a weight-based dose rate, soft and hard.
///
/// Soft limits may be passed with a second confirmation and a recorded reason; hard
/// limits can never be passed from the keyboard. Invariant (checked by `problems`):
/// `hardLower <= softLower < softUpper <= hardUpper`.
public struct DoseRateLimits: Hashable, Codable, Sendable {
    public var softLower: MilligramsPerKilogramPerHour
    public var softUpper: MilligramsPerKilogramPerHour
    public var hardLower: MilligramsPerKilogramPerHour
    public var hardUpper: MilligramsPerKilogramPerHour

    public init(
        softLower: MilligramsPerKilogramPerHour, softUpper: MilligramsPerKilogramPerHour,
        hardLower: MilligramsPerKilogramPerHour, hardUpper: MilligramsPerKilogramPerHour
    ) {
        self.softLower = softLower
        self.softUpper = softUpper
        self.hardLower = hardLower
        self.hardUpper = hardUpper
    }
}

/// Limits on the total dose of one session, in mg/kg, soft and hard (`soft <= hard`).
public struct TotalDoseLimits: Hashable, Codable, Sendable {
    public var soft: MilligramsPerKilogram
    public var hard: MilligramsPerKilogram

    public init(soft: MilligramsPerKilogram, hard: MilligramsPerKilogram) {
        self.soft = soft
        self.hard = hard
    }
}

/// One drug of the clinic's drug library: what the station checks every dose change against.
///
/// The dosing unit is always mg/kg/h (weight-based); the pump is programmed in mL/h,
/// computed through `DoseMath` from the patient's dated weight and the concentration.
public struct DrugEntry: Hashable, Codable, Sendable {
    /// The drug's name as orders and pumps give it (`Ketamine`); matched without regard to case.
    public var name: String
    /// The standard concentrations stocked (mg/mL); a session at any other concentration is refused.
    public var concentrations: [MilligramsPerMilliliter]
    /// The default protocol's total dose (ketamine: 0.5 mg/kg).
    public var defaultDose: MilligramsPerKilogram
    /// The default protocol's duration in seconds (ketamine: 2400, 40 min).
    public var defaultDuration: TimeInterval
    public var rateLimits: DoseRateLimits
    /// The largest change one confirmation may make, as a factor (1.5: up to ×1.5 or ÷1.5);
    /// a larger change is treated as a likely slip and must be typed again.
    public var maxChangeFactor: Double
    public var totalDoseLimits: TotalDoseLimits
    /// What `+` and `-` add or take away.
    public var rateStep: MilligramsPerKilogramPerHour

    public init(
        name: String, concentrations: [MilligramsPerMilliliter], defaultDose: MilligramsPerKilogram,
        defaultDuration: TimeInterval, rateLimits: DoseRateLimits, maxChangeFactor: Double,
        totalDoseLimits: TotalDoseLimits, rateStep: MilligramsPerKilogramPerHour
    ) {
        self.name = name
        self.concentrations = concentrations
        self.defaultDose = defaultDose
        self.defaultDuration = defaultDuration
        self.rateLimits = rateLimits
        self.maxChangeFactor = maxChangeFactor
        self.totalDoseLimits = totalDoseLimits
        self.rateStep = rateStep
    }

    /// The default protocol's constant rate (0.5 mg/kg over 40 min = 0.75 mg/kg/h).
    public var defaultRate: MilligramsPerKilogramPerHour { DoseMath.rate(for: defaultDose, over: defaultDuration) }

    /// Whether `concentration` is one of the standard ones (to 0.1 % ).
    public func isStandard(_ concentration: MilligramsPerMilliliter) -> Bool {
        concentrations.contains { abs($0.value - concentration.value) <= $0.value * 0.001 }
    }

    /// Inconsistencies, each as (the TOML key it concerns, the reason); empty when the entry is usable.
    public var problems: [(key: String, reason: String)] {
        var found: [(key: String, reason: String)] = []
        let limits = rateLimits
        if name.trimmingCharacters(in: .whitespaces).isEmpty { found.append(("name", "a drug needs a name")) }
        if concentrations.isEmpty { found.append(("concentrations", "must list at least one concentration")) }
        if concentrations.contains(where: { !($0.value > 0 && $0.value.isFinite) }) {
            found.append(("concentrations", "every concentration must be more than 0 mg/mL"))
        }
        if !(defaultDose.value > 0) { found.append(("default_dose", "must be more than 0 mg/kg")) }
        if !(defaultDuration > 0) { found.append(("default_duration", "must be a positive duration")) }
        if !(limits.hardLower.value >= 0) { found.append(("hard_min_rate", "must be 0 or more")) }
        if limits.softLower < limits.hardLower {
            found.append(("soft_min_rate", "must not be below hard_min_rate (hard limits enclose soft limits)"))
        }
        if !(limits.softUpper > limits.softLower) { found.append(("soft_max_rate", "must be above soft_min_rate")) }
        if limits.hardUpper < limits.softUpper {
            found.append(("hard_max_rate", "must not be below soft_max_rate (hard limits enclose soft limits)"))
        }
        if found.isEmpty, !(limits.softLower...limits.softUpper).contains(defaultRate) {
            found.append(("default_dose", "the default protocol's rate \(defaultRate) lies outside the soft rate limits"))
        }
        if !(maxChangeFactor > 1) { found.append(("max_change_factor", "must be more than 1 (1.5 allows ×1.5 or ÷1.5)")) }
        if !(totalDoseLimits.soft.value > 0) { found.append(("soft_max_total_dose", "must be more than 0 mg/kg")) }
        if totalDoseLimits.hard < totalDoseLimits.soft {
            found.append(("hard_max_total_dose", "must not be below soft_max_total_dose"))
        }
        if defaultDose > totalDoseLimits.soft {
            found.append(("default_dose", "must not exceed soft_max_total_dose"))
        }
        if !(rateStep.value > 0) || rateStep > limits.softUpper {
            found.append(("rate_step", "must be more than 0 and at most soft_max_rate"))
        }
        return found
    }
}

/// The clinic's drug library (clinic configuration): every drug a session may use.
public struct DrugLibrary: Hashable, Codable, Sendable {
    public var drugs: [DrugEntry]

    public init(drugs: [DrugEntry]) { self.drugs = drugs }

    /// The entry for `name`, ignoring case (`ketamine` finds `Ketamine`).
    public func entry(named name: String) -> DrugEntry? {
        drugs.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// EXAMPLE values for ketamine, for the clinic's medical director to review and set; they
    /// are what the demo clinic runs with, not a recommendation:
    ///
    /// - concentrations 1 and 0.4 mg/mL; default 0.5 mg/kg over 40 min (0.75 mg/kg/h);
    /// - rate soft 0.25–1.0, hard 0.1–1.5 mg/kg/h (published range 0.5–1 mg/kg over 40–60 min);
    /// - at most ×1.5 (or ÷1.5) per confirmation; step 0.05 mg/kg/h;
    /// - total per session soft 0.75, hard 1.0 mg/kg.
    public static let exampleKetamine = DrugEntry(
        name: "Ketamine",
        concentrations: [MilligramsPerMilliliter(1.0), MilligramsPerMilliliter(0.4)],
        defaultDose: MilligramsPerKilogram(0.5), defaultDuration: 40 * 60,
        rateLimits: DoseRateLimits(
            softLower: MilligramsPerKilogramPerHour(0.25), softUpper: MilligramsPerKilogramPerHour(1.0),
            hardLower: MilligramsPerKilogramPerHour(0.1), hardUpper: MilligramsPerKilogramPerHour(1.5)),
        maxChangeFactor: 1.5,
        totalDoseLimits: TotalDoseLimits(soft: MilligramsPerKilogram(0.75), hard: MilligramsPerKilogram(1.0)),
        rateStep: MilligramsPerKilogramPerHour(0.05))

    /// The example library: ketamine only (see `exampleKetamine`).
    public static let example = DrugLibrary(drugs: [exampleKetamine])
}
