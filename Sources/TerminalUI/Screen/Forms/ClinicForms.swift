import Foundation
public import InfusionCore

/// The session's forms: how each opens (prefilled from the model) and what a filled one
/// becomes. Pure: the app only runs the effects.
public enum ClinicForms {
    /// What submitting a form led to.
    public enum Result: Hashable, Sendable {
        /// Done: run these effects.
        case effects([ScreenEffect])
        /// Go on with another form (the checklist's item, after choosing it).
        case next(FormDialog)
        /// Not accepted: the form again, with its notice.
        case refused(FormDialog)
    }

    /// The answers of the checklist chooser, in order.
    static let checklistItems = ["Aldrete score", "dissociation resolved", "IV removed", "escort confirmed"]

    // MARK: - Opening

    static func dissociation(_ chair: ChairState, station: StationContext) -> FormDialog {
        let items = ["Detached / unreal", "Things look different", "Body changed", "Time changed", "Sounds changed",
                     "Memory gaps"]
        var header = ["CADSS-6: six items, each 0 (not at all) to 4 (extremely)"]
        if let due = chair.session?.dissociationScoreDue(rules: station.signOffRules, at: station.now) {
            header.append("Due at +\(Int(due.offset / 60)) min" + (due.isOverdue ? " (OVERDUE)" : ""))
        }
        return FormDialog(
            purpose: .dissociationScore(chair.id), title: "dissociation score", header: header,
            fields: items.enumerated().map { FormField("item\($0.offset + 1)", "\($0.offset + 1) \($0.element)", .score(0...4)) })
    }

    static func intervention(_ chair: ChairState) -> FormDialog {
        FormDialog(purpose: .intervention(chair.id), title: "intervention / adverse event", fields: [
            FormField("kind", "Kind", .choice(InterventionKind.allCases.map(\.rawValue))),
            FormField("text", "What was given or seen", .text(maxLength: 60)),
            FormField("adverse", "Adverse event?", .choice(["no", "yes"]), value: "no"),
        ])
    }

    static func checklist(_ chair: ChairState, clinic: ClinicState, station: StationContext) -> FormDialog {
        var header: [String] = []
        if let checklist = DischargeGate.evaluate(
            chair: chair.id, in: clinic, rules: station.signOffRules, at: station.now, freshness: station.freshness) {
            header = checklist.missing.isEmpty ? ["Checklist complete"] : ["Still missing:"] + checklist.missing.map { "  " + $0.message }
        }
        return FormDialog(purpose: .checklistChoice(chair.id), title: "discharge checklist", header: header,
                          fields: [FormField("item", "Record", .choice(checklistItems))])
    }

    static func aldrete(_ chair: ChairID) -> FormDialog {
        let items = ["Activity", "Respiration", "Circulation", "Consciousness", "Oxygen saturation"]
        return FormDialog(purpose: .aldrete(chair), title: "modified Aldrete", header: ["Each item 0-2; discharge needs 9 or more"],
                          fields: items.map { FormField($0.lowercased(), $0, .score(0...2)) })
    }

    // MARK: - Submitting

    /// What the filled `form` becomes, checked against the model now.
    public static func submit(_ form: FormDialog, clinic: ClinicState, station: StationContext) -> Result {
        let chairID = form.purpose.chair
        guard case .active(let who) = station.access.status(at: station.now) else {
            var again = form
            again.notice = "Signed out or locked meanwhile: press Esc, then i to sign in"
            return .refused(again)
        }
        if case .notice = form.purpose { return .effects([]) }
        if case .amendment = form.purpose {
            return .effects([.amend(
                session: SessionID(form.value("session")), text: form.value("text"), user: UserID(form.value("user")),
                pin: form.value("pin"))])
        }
        if case .admission = form.purpose { return AdmissionForm.submit(form, clinic: clinic, station: station, by: who) }
        guard let chair = clinic[chair: chairID], let session = chair.session, chair.isOccupied else {
            var again = form
            again.notice = DoseRefusal.noSession.message
            return .refused(again)
        }
        let now = station.now
        switch form.purpose {
        case .dissociationScore:
            let items = (1...6).compactMap { Int(form.value("item\($0)")) }
            return .effects([.recordEntry(.dissociationScored(DissociationScoring(
                chair: chairID, session: session.id, items: items, by: who, at: now)))])
        case .intervention:
            let kind = InterventionKind(rawValue: form.value("kind")) ?? .other
            return .effects([.recordEntry(.interventionRecorded(InterventionRecord(
                chair: chairID, session: session.id, kind: kind, text: form.value("text"),
                isAdverseEvent: form.value("adverse") == "yes", by: who, at: now)))])
        case .checklistChoice:
            switch form.value("item") {
            case checklistItems[0]: return .next(aldrete(chairID))
            case checklistItems[1]: return .next(confirm(.dissociationResolved, chair: chairID, text: "Dissociation has resolved"))
            case checklistItems[2]: return .next(confirm(.ivRemoved, chair: chairID, text: "The IV has been removed, site intact"))
            default:
                return .next(FormDialog(purpose: .escort(chairID), title: "escort", header: [
                    "A responsible adult takes the patient home (no driving)"],
                    fields: [FormField("name", "Escort's name", .text(maxLength: 40))]))
            }
        case .aldrete:
            let scores = ["activity", "respiration", "circulation", "consciousness", "oxygen saturation"].map { Int(form.value($0)) ?? -1 }
            guard let score = try? AldreteScore(
                activity: scores[0], respiration: scores[1], circulation: scores[2], consciousness: scores[3],
                oxygenSaturation: scores[4]) else {
                var again = form
                again.notice = "Each item is 0 to 2"
                return .refused(again)
            }
            return .effects([.recordEntry(.dischargeItemRecorded(DischargeItemRecord(
                chair: chairID, session: session.id, item: .aldrete(score), by: who, at: now)))])
        case .escort:
            return .effects([.recordEntry(.dischargeItemRecorded(DischargeItemRecord(
                chair: chairID, session: session.id, item: .escortConfirmed(name: form.value("name")), by: who, at: now)))])
        case .confirmItem(_, let item):
            return .effects([.recordEntry(.dischargeItemRecorded(DischargeItemRecord(
                chair: chairID, session: session.id, item: item, by: who, at: now)))])
        case .signOff:
            return .effects([.signOff(chair: chairID, session: session.id, user: UserID(form.value("user")), pin: form.value("pin"))])
        case .admission, .notice, .amendment:
            return .effects([])
        }
    }

    /// A correction to a signed session: which session, what is corrected, and the signer.
    static func amendment(_ chair: ChairID, signer: OperatorIdentity) -> FormDialog {
        FormDialog(purpose: .amendment(chair), title: "amend a signed session", header: [
            "The signed record never changes: the correction is recorded, linked to its",
            "signature, and signed on its own. Session IDs: infusion-central sessions",
            "Meaning: \(SessionSignature.amendmentMeaning)",
        ], fields: [
            FormField("session", "Session ID", .text(maxLength: 40)),
            FormField("text", "Correction", .text(maxLength: 60)),
            FormField("user", "ID", .text(maxLength: 32), value: signer.user.rawValue),
            FormField("pin", "PIN", .secret),
        ])
    }

    static func confirm(_ item: DischargeItem, chair: ChairID, text: String) -> FormDialog {
        FormDialog(purpose: .confirmItem(chair, item), title: "checklist", header: [text + "?"], fields: [])
    }
}
