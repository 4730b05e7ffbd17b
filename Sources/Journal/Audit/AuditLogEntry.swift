public import Foundation

/// One line of the readable audit log: time, who, what, old -> new, reason.
public struct AuditLogEntry: Sendable, Equatable {
    public var sequence: UInt64
    /// Receipt time of the event.
    public var time: Date
    public var chair: String?
    public var session: String?
    /// Who did it: a user ID for operator actions, `system` for what devices and the
    /// program recorded.
    public var who: String
    /// What happened, in words ("Phase", "Session started").
    public var what: String
    /// The value before, when the event changes one.
    public var oldValue: String?
    /// The value after.
    public var newValue: String?
    /// The reason given (soft-limit overrides and corrections require one).
    public var reason: String?

    /// The entry as one line: `2025-03-14T08:00:01Z  CHAIR-01  S-1  system  Phase: INFUSE -> OBSERVE`.
    public var line: String {
        var text = "\(time.formatted(.iso8601))  \(chair ?? "-")  \(session ?? "-")  \(who)  \(what)"
        if oldValue != nil || newValue != nil { text += ": \(oldValue ?? "-") -> \(newValue ?? "-")" }
        if let reason { text += "  reason: \(reason)" }
        return text
    }
}
