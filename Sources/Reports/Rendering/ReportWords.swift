import Foundation
import InfusionCore

/// Words shared by the text and HTML reports, so both say the same thing.
enum ReportWords {
    /// `Infusion complete`, `Ready for discharge`.
    static func phase(_ phase: SessionPhase) -> String {
        switch phase {
        case .admitted: "Admitted"
        case .infusing: "Infusing"
        case .paused: "Paused"
        case .infusionComplete: "Infusion complete"
        case .observation: "Observation"
        case .readyForDischarge: "Ready for discharge"
        case .signedOff: "Signed off"
        }
    }

    /// `OPEN`, `CLOSED`, `SIGNED`.
    static func status(_ status: SessionStatus) -> String { status.rawValue.uppercased() }

    /// `!!! HIGH`: marker and word, never colour alone.
    static func priority(_ priority: AlarmPriority) -> String { "\(priority.marker) \(priority.word)" }

    /// `40:00`, `1:05:00`.
    static func duration(_ seconds: TimeInterval) -> String { DurationText.clock(seconds) }

    /// `0.75 → 0.90 mg/kg/h`.
    static func change<Unit: Quantity>(_ old: ReportedQuantity<Unit>, _ new: ReportedQuantity<Unit>) -> String {
        "\(old.formatted) → \(new.formatted) \(Unit.unitSymbol)"
    }

    /// `0.5 mg/kg over 40:00 at 1.00 mg/mL = 0.75 mg/kg/h; 35.3 mg total, 52.9 mL/h`.
    static func order(_ order: OrderSummary) -> String {
        "\(order.drugName) \(order.dose.text) over \(duration(order.durationSeconds)) at \(order.concentration.text)"
            + " = \(order.doseRate.text); \(order.plannedDose.text) total, \(order.plannedFlow.text)"
    }

    /// `72 bpm`.
    static func vital(_ kind: VitalKind, _ value: Double) -> String { "\(kind.format(value)) \(kind.unitSymbol)" }

    /// The signature's verification in words.
    static func verification(_ signature: SignatureBlock) -> String {
        signature.verifies ? "VERIFIES: the signed record is unchanged"
            : "DOES NOT VERIFY: \(signature.problem ?? "the record differs from the one signed")"
    }
}
