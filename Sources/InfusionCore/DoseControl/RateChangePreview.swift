public import Foundation

/// Everything the rate-change confirmation must show, computed through `DoseMath` so that
/// mg/kg/h, mg/h and mL/h always agree.
public struct RateChangePreview: Hashable, Sendable {
    public var chair: ChairID
    public var chairLabel: String
    public var session: SessionID
    /// The patient's short label (`A.T. 0001`).
    public var patient: String
    public var drugName: String
    public var by: OperatorIdentity
    public var concentration: MilligramsPerMilliliter
    public var weight: Kilograms
    public var weighedAt: Date
    public var oldRate: MilligramsPerKilogramPerHour
    public var newRate: MilligramsPerKilogramPerHour
    public var oldFlow: MillilitersPerHour
    public var newFlow: MillilitersPerHour
    public var newMassRate: MilligramsPerHour
    /// new ÷ old (1.2 = 20 % more; 0.5 = half).
    public var foldChange: Double
    public var doseGiven: Milligrams
    /// The session's total as planned (the pump completes at the planned dose).
    public var projectedTotal: Milligrams
    /// When the planned dose is reached at the new rate.
    public var predictedEnd: Date?
    /// Soft limits this change passes (each needs the reason).
    public var softLimitNotes: [String]
    public var reason: String?

    /// The total in mg/kg.
    public var projectedTotalPerKilogram: MilligramsPerKilogram { DoseMath.dose(projectedTotal, weight: weight) }

    /// Whether a soft limit is passed (a second confirmation with a reason).
    public var overridesSoftLimit: Bool { !softLimitNotes.isEmpty }

    /// `×1.20` or `×0.50`: the fold change, never a naked decimal.
    public var foldText: String { "×\(NumberText.fixed(foldChange, decimals: 2))" }

    /// Dialog lines, with `clock` formatting the predicted end time (e.g. `09:32`).
    public func lines(clock: (Date) -> String) -> [String] {
        var lines = [
            "\(chairLabel)  \(patient)  \(drugName)",
            "Rate \(oldRate.formatted) → \(newRate) (\(foldText))",
            "Pump \(oldFlow.formatted) → \(newFlow) (\(newMassRate))",
            "At \(concentration), weight \(weight)",
            "Given \(doseGiven); total \(projectedTotal) (\(projectedTotalPerKilogram))"
                + (predictedEnd.map { ", ends ~\(clock($0))" } ?? ""),
        ]
        lines += softLimitNotes.map { "SOFT LIMIT: \($0)" }
        return lines
    }

    /// The event recording this change once confirmed: journal it durably, then command the pump.
    public func makeOrder(at now: Date, confirmationTimeout: TimeInterval) -> ClinicEventPayload {
        .rateChangeOrdered(RateChangeOrder(
            chair: chair, session: session, by: by, at: now, oldRate: oldRate, newRate: newRate, oldFlow: oldFlow,
            newFlow: newFlow, concentration: concentration, weight: weight, reason: reason,
            overrodeSoftLimit: overridesSoftLimit, deadline: now.addingTimeInterval(confirmationTimeout)))
    }
}
