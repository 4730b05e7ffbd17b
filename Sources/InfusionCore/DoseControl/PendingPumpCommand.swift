public import Foundation

/// A command sent to a chair's pump that the pump has not yet confirmed by a report.
///
/// The screen never claims a rate the pump has not reported: until a report shows the
/// target, the tile shows the change as pending (`→ 0.90 pending`); past `deadline` it
/// shows only what the pump reports, and `AlarmEvaluator` raises a technical alarm.
public struct PendingPumpCommand: Hashable, Codable, Sendable {
    /// What a confirming report must show.
    public enum Target: Hashable, Codable, Sendable {
        /// Running at this flow (which is this dose rate for the session's weight and concentration).
        case rate(MillilitersPerHour, MilligramsPerKilogramPerHour)
        /// Not delivering.
        case paused
        /// Delivering again.
        case running
        /// Ended for good (stopped, complete or KVO).
        case stopped

        init(_ action: InfusionControlAction) {
            switch action {
            case .pause: self = .paused
            case .resume: self = .running
            case .stop: self = .stopped
            }
        }
    }

    /// Priority of the "not confirmed" technical alarm.
    public static let alarmPriority = AlarmPriority.medium

    public var target: Target
    public var by: UserID
    public var issuedAt: Date
    public var deadline: Date

    public init(target: Target, by: UserID, issuedAt: Date, deadline: Date) {
        self.target = target
        self.by = by
        self.issuedAt = issuedAt
        self.deadline = deadline
    }

    /// Whether the confirmation time has run out at `now`.
    public func isOverdue(at now: Date) -> Bool { now >= deadline }

    /// The technical alarm's text: `RATE NOT CONFIRMED`, `PAUSE NOT CONFIRMED`, ...
    public var alarmText: String {
        switch target {
        case .rate: "RATE NOT CONFIRMED"
        case .paused: "PAUSE NOT CONFIRMED"
        case .running: "RESUME NOT CONFIRMED"
        case .stopped: "STOP NOT CONFIRMED"
        }
    }

    /// Whether `report`, received at `received`, shows the pump doing what was asked.
    /// Reports received before the command was issued never confirm it.
    public func isConfirmed(by report: PumpReport, received: Date) -> Bool {
        guard received >= issuedAt else { return false }
        switch target {
        case .rate(let flow, _):
            return report.status.isDelivering && abs(report.rate.value - flow.value) <= Self.tolerance(for: flow)
        case .paused: return !report.status.isDelivering
        case .running: return report.status.isDelivering
        case .stopped: return report.status == .stopped || report.status == .complete || report.status == .kvo
        }
    }

    /// Reported flows within 0.05 mL/h or 0.5 % of the target count as the target (pumps round).
    public static func tolerance(for flow: MillilitersPerHour) -> Double { max(0.05, flow.value * 0.005) }
}

extension ChairState {
    /// The pending command to draw as pending at `now`: nil once it is overdue (the tile then
    /// shows the reported rate only, and the technical alarm says the command was not confirmed).
    public func pendingCommand(shownAt now: Date) -> PendingPumpCommand? {
        guard let pendingCommand, !pendingCommand.isOverdue(at: now) else { return nil }
        return pendingCommand
    }

    /// The "not confirmed" alarm wanted at `now`, if a command is overdue (for `AlarmEvaluator`).
    public func unconfirmedCommandAlarm(at now: Date) -> (key: AlarmKey, priority: AlarmPriority, text: String, onset: Date)? {
        guard let pendingCommand, pendingCommand.isOverdue(at: now) else { return nil }
        return (AlarmKey(.commandUnconfirmed, id.rawValue), PendingPumpCommand.alarmPriority, pendingCommand.alarmText,
                pendingCommand.deadline)
    }
}
