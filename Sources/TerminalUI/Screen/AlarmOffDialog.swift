import Foundation
public import InfusionCore

/// The `o` dialog: switch one parameter's alarm off (with a reason) or back on, for one chair.
///
/// Two steps. First the parameter: digits 1-6 or arrows and Enter over `kinds`. Then,
/// for a parameter whose alarm is on, the reason: a preset by number (when nothing is typed
/// yet) or free text; Enter with a non-empty reason confirms. For a parameter already off,
/// the second step asks to turn it back on. Esc cancels at any step with no effect. While
/// the reason is typed, letters go to the text, never to other key bindings.
public struct AlarmOffDialog: Hashable, Sendable {
    /// Where the dialog is.
    public enum Step: Hashable, Sendable {
        /// Choosing the parameter; `cursor` indexes `AlarmOffDialog.kinds`.
        case parameter(cursor: Int)
        /// Typing why `kind`'s alarm goes off.
        case reason(kind: VitalKind, text: String)
        /// `kind` is off: Enter turns it back on.
        case turnOn(kind: VitalKind)
    }

    /// The parameters whose alarm can be switched off, in the order the digits pick them.
    public static let kinds: [VitalKind] = [.heartRate, .spo2, .systolic, .diastolic, .respiratoryRate, .etco2]
    /// Reasons picked by number on the reason step.
    public static let presetReasons = ["probe repositioning", "patient moving", "clinician at bedside"]
    /// The longest reason accepted (it goes into the journal and the reminder's detail).
    public static let maximumReasonLength = 60

    public var chair: ChairID
    public var step: Step

    public init(chair: ChairID, step: Step = .parameter(cursor: 0)) {
        self.chair = chair
        self.step = step
    }

    /// What a key did to the dialog.
    public enum Outcome: Hashable, Sendable {
        /// The dialog stays open, changed or not.
        case open(AlarmOffDialog)
        /// Esc: closed with no effect.
        case cancelled
        /// Enter on a valid choice: closed, and this is the effect to run.
        case confirmed(ScreenEffect)
    }

    /// The dialog after `key`, which the key table (scope `.alarmOffDialog`) reads as
    /// `command`. `disabled` are the chair's parameters whose alarm is off now.
    public func handle(_ key: Key, command: ScreenCommand?, disabled: Set<VitalKind>) -> Outcome {
        if command == .decline { return .cancelled }
        var next = self
        switch step {
        case .parameter(let cursor):
            switch command {
            case .moveUp: next.step = .parameter(cursor: (cursor + Self.kinds.count - 1) % Self.kinds.count)
            case .moveDown: next.step = .parameter(cursor: (cursor + 1) % Self.kinds.count)
            case .confirm: next.step = Self.stepAfterChoosing(Self.kinds[cursor], disabled: disabled)
            case .selectNumbered:
                if case .character(let character) = key, let number = character.wholeNumberValue,
                    (1...Self.kinds.count).contains(number) {
                    next.step = Self.stepAfterChoosing(Self.kinds[number - 1], disabled: disabled)
                }
            default: break
            }
        case .reason(let kind, let text):
            switch (command, key) {
            case (.confirm, _):
                let reason = text.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else { return .open(next) }
                return .confirmed(.switchAlarm(chair: chair, kind: kind, isOff: true, reason: reason))
            case (.deleteBackward, _):
                next.step = .reason(kind: kind, text: String(text.dropLast()))
            case (_, .character(let character)):
                if text.isEmpty, let number = character.wholeNumberValue, (1...Self.presetReasons.count).contains(number) {
                    next.step = .reason(kind: kind, text: Self.presetReasons[number - 1])
                } else if text.count < Self.maximumReasonLength, !character.isNewline {
                    next.step = .reason(kind: kind, text: text + String(character))
                }
            default: break
            }
        case .turnOn(let kind):
            if command == .confirm { return .confirmed(.switchAlarm(chair: chair, kind: kind, isOff: false, reason: "")) }
        }
        return .open(next)
    }

    /// Whether the dialog is taking text (then every printable key is text).
    public var isTakingText: Bool { if case .reason = step { true } else { false } }

    static func stepAfterChoosing(_ kind: VitalKind, disabled: Set<VitalKind>) -> Step {
        disabled.contains(kind) ? .turnOn(kind: kind) : .reason(kind: kind, text: "")
    }
}
