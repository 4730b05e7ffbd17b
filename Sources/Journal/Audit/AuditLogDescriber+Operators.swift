import Foundation
import InfusionCore

extension AuditLogDescriber {
    /// Dose orders and sign-in events: who, what, old → new (both units) and the reason.
    /// Returns false for payloads it does not describe.
    static func describeOperatorAction(_ payload: ClinicEventPayload, into entry: inout AuditLogEntry) -> Bool {
        switch payload {
        case .rateChangeOrdered(let order):
            entry.who = order.by.user.rawValue
            entry.what = "Rate change" + (order.overrodeSoftLimit ? " (soft limit passed)" : "")
            entry.oldValue = "\(order.oldRate) (\(order.oldFlow))"
            entry.newValue = "\(order.newRate) (\(order.newFlow)) at \(order.concentration), \(order.weight)"
            entry.reason = order.reason
        case .infusionControlOrdered(let order):
            entry.who = order.by.user.rawValue
            entry.what = order.action == .resume ? "Infusion start/resume" : "Infusion \(order.action.rawValue)"
        case .weightChanged(let change):
            entry.who = change.by.user.rawValue
            entry.what = "Weight change"
            entry.oldValue = "\(change.oldWeight)"
            entry.newValue = "\(change.newWeight) measured \(change.measuredAt.formatted(.iso8601.year().month().day()))"
                + (change.newFlow.map { ", pump \($0)" } ?? "")
        case .operatorSignedIn(let signIn):
            entry.who = signIn.identity.user.rawValue
            entry.what = "Signed in"
            entry.newValue = "\(signIn.identity.printedName) (\(signIn.identity.role.title))"
        case .signInFailed(let failure):
            entry.who = failure.user.rawValue
            entry.what = "Sign-in refused"
            entry.newValue = "\(failure.reason.rawValue), \(failure.failedAttempts) in a row"
        case .operatorLocked(let lock):
            entry.who = lock.user.rawValue
            entry.what = lock.reason == .idle ? "Locked after inactivity" : "ID locked after wrong PINs"
            entry.newValue = lock.until.map { "until \($0.formatted(.iso8601))" }
        case .operatorUnlocked(let unlock):
            entry.who = unlock.user.rawValue
            entry.what = "Unlocked"
            entry.newValue = unlock.reason.rawValue
        case .operatorSignedOut(let signOut):
            entry.who = signOut.user.rawValue
            entry.what = "Signed out"
        default:
            return false
        }
        return true
    }
}
