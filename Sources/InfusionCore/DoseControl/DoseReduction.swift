import Foundation

/// How accepted dose orders and confirming pump reports move a chair (part of the pure reducer).
///
/// An order sets the chair's `pendingCommand`; a later pump report showing the target
/// clears it (confirmed). An overdue command stays recorded (the alarm evaluator raises
/// "not confirmed" from it) until a report confirms it or a new order replaces it.
enum DoseReduction {
    static func apply(_ order: RateChangeOrder, chair: inout ChairState) {
        guard chair.session?.id == order.session else { return }
        chair.pendingCommand = PendingPumpCommand(
            target: .rate(order.newFlow, order.newRate), by: order.by.user, issuedAt: order.at, deadline: order.deadline)
        var text = "Rate \(order.oldRate.formatted) → \(order.newRate) (\(order.oldFlow.formatted) → \(order.newFlow)) "
            + "ordered by \(order.by.user)"
        if let reason = order.reason, !reason.isEmpty { text += "; reason: \(reason)" }
        chair.appendLog(text, at: order.at)
    }

    static func apply(_ order: InfusionControlOrder, chair: inout ChairState) {
        guard chair.session?.id == order.session else { return }
        chair.pendingCommand = PendingPumpCommand(
            target: PendingPumpCommand.Target(order.action), by: order.by.user, issuedAt: order.at, deadline: order.deadline)
        chair.appendLog("\(order.action.word) ordered by \(order.by.user)", at: order.at)
    }

    static func apply(_ change: WeightChange, chair: inout ChairState) {
        guard chair.session?.id == change.session else { return }
        chair.session?.start.weight = change.newWeight
        chair.session?.start.weighedAt = change.measuredAt
        var text = "Weight \(change.oldWeight.formatted) → \(change.newWeight) by \(change.by.user)"
        if let flow = change.newFlow, let rate = change.rate {
            chair.pendingCommand = PendingPumpCommand(
                target: .rate(flow, rate), by: change.by.user, issuedAt: change.at, deadline: change.deadline)
            text += "; pump → \(flow) for \(rate)"
        }
        chair.appendLog(text, at: change.at)
    }

    /// Clears the pending command when `report` confirms it, or when the pump ended the
    /// infusion so that a pending rate can no longer apply.
    static func confirm(_ report: PumpReport, received: Date, chair: inout ChairState) {
        guard let pending = chair.pendingCommand, chair.pump?.lastReport == report else { return }
        if pending.isConfirmed(by: report, received: received) {
            chair.pendingCommand = nil
            let late = received > pending.deadline ? " (late)" : ""
            chair.appendLog("Pump confirmed\(late): \(report.status.label) \(report.rate)", at: report.measuredAt)
        } else if case .rate = pending.target, received >= pending.issuedAt,
            report.status == .complete || report.status == .stopped || report.status == .kvo {
            chair.pendingCommand = nil
            chair.appendLog("Rate command overtaken: pump \(report.status.label)", at: report.measuredAt)
        }
    }
}
