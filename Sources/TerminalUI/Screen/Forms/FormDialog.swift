import Foundation
public import InfusionCore

/// A dialog of typed fields ending in a review: admission, CADSS-6, interventions, the
/// discharge checklist and sign-off all use it, so every one behaves the same way.
///
/// Enter accepts the current field (checked) and moves on; Up goes back a field; after
/// the last field the review shows everything and Enter submits. Esc cancels with no
/// effect at any point. Printable keys are always text for the field being typed.
public struct FormDialog: Hashable, Sendable {
    /// What the form is for: decides the title and what the filled form becomes.
    public enum Purpose: Hashable, Sendable {
        case admission(ChairID)
        case dissociationScore(ChairID)
        case intervention(ChairID)
        case checklistChoice(ChairID)
        case aldrete(ChairID)
        case escort(ChairID)
        case confirmItem(ChairID, DischargeItem)
        case signOff(ChairID)
        /// A correction to a signed session (the chair is only where it was opened from).
        case amendment(ChairID)
        /// Nothing to fill: a message (`Sign-off refused`) to read and close.
        case notice(ChairID)

        public var chair: ChairID {
            switch self {
            case .admission(let chair), .dissociationScore(let chair), .intervention(let chair),
                .checklistChoice(let chair), .aldrete(let chair), .escort(let chair), .confirmItem(let chair, _),
                .signOff(let chair), .amendment(let chair), .notice(let chair):
                chair
            }
        }
    }

    public var purpose: Purpose
    public var title: String
    /// Lines shown above the fields (what the form is about, what is missing).
    public var header: [String]
    public var fields: [FormField]
    /// The field being typed; `fields.count` is the review.
    public var cursor: Int
    /// Why the last Enter was refused, cleared by the next key.
    public var notice: String?

    public init(purpose: Purpose, title: String, header: [String] = [], fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.header = header
        self.fields = fields
        cursor = 0
    }

    public var isReviewing: Bool { cursor >= fields.count }

    /// The typed value of `key` (trimmed), or "" when the form has no such field.
    public func value(_ key: String) -> String {
        fields.first { $0.key == key }?.value.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// Moves the cursor back to `key` with a notice (a builder refusing one answer).
    public mutating func revisit(_ key: String, notice: String) {
        if let index = fields.firstIndex(where: { $0.key == key }) { cursor = index }
        self.notice = notice
    }

    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        case open(FormDialog)
        case cancelled
        /// Enter on the review: the app (or the controller's builder) turns it into effects.
        case submitted(FormDialog)
    }

    public func handle(_ key: Key, command: ScreenCommand?) -> Outcome {
        if command == .decline { return .cancelled }
        var next = self
        next.notice = nil
        switch (command, key) {
        case (.confirm, _):
            if isReviewing { return .submitted(next) }
            if let problem = fields[cursor].problem {
                next.notice = problem
            } else {
                next.cursor += 1
            }
        case (.moveUp, _):
            next.cursor = max(0, cursor - 1)
        case (.deleteBackward, _):
            if !isReviewing { next.fields[cursor].value = String(fields[cursor].value.dropLast()) }
        case (_, .character(let character)):
            if !isReviewing { next.fields[cursor].type(character) }
        default: break
        }
        return .open(next)
    }
}
