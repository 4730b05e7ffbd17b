/// What a key asks the screen to do.
///
/// A new command is a case here, an arm in `ScreenController`, and one line in
/// `KeyMap.standard`; binding another key to an existing command is one line.
public enum ScreenCommand: Hashable, Sendable {
    case moveUp, moveDown, moveLeft, moveRight
    /// Select chair N (the digit pressed, 1-based).
    case selectNumbered
    case openDetail
    case back
    case toggleHelp
    case cycleTheme
    case quit
    case confirm
    case decline
    /// Acknowledge the selected chair's alarms.
    case acknowledgeAlarms
    /// Pause alarm audio for the configured time.
    case pauseAudio
    /// Open the list of every active alarm.
    case showAlarmList
    /// Switch one parameter's alarm off or back on, for the selected chair.
    case switchAlarm
    /// Delete the last character typed (dialogs that take text).
    case deleteBackward
    /// Raise the selected chair's rate by the drug's step.
    case stepRateUp
    /// Lower the selected chair's rate by the drug's step.
    case stepRateDown
    /// Type a new rate in mg/kg/h.
    case typeRate
    /// Pause a running infusion, or resume a paused one.
    case pauseOrResume
    /// Stop the infusion for good.
    case stopInfusion
    /// Correct the patient's weight (kg, with the date measured).
    case changeWeight
    /// Sign in with ID and PIN (or unlock after the idle timeout).
    case signIn
    /// Sign out.
    case signOut
    /// Admit a patient to the selected free chair.
    case admitPatient
    /// Enter a CADSS-6 dissociation score.
    case scoreDissociation
    /// Record an intervention or adverse event.
    case recordIntervention
    /// Record a discharge checklist item.
    case dischargeChecklist
    /// Sign the session off (physician, ID and PIN again).
    case signOffSession
    /// Amend a signed session (a linked, separately signed correction).
    case amendSession
}

/// Where a binding applies.
public enum KeyScope: Hashable, Sendable {
    /// On the board and in the detail view.
    case screen
    /// Only in the quit confirmation.
    case quitConfirmation
    /// Only in the alarm list (`A`).
    case alarmList
    /// Only in the alarm-off dialog (`o`). While it takes a reason, every printable key is
    /// text; only the bindings for Enter, Esc and Backspace act.
    case alarmOffDialog
    /// Only in the dose dialog (`+ - r p x w`): Enter, Esc, Backspace; other keys are text.
    case doseDialog
    /// Only in the sign-in box: Enter, Esc, Backspace, Tab; other keys are text.
    case signInDialog
    /// Only in forms (admission, scores, checklist, sign-off): Enter, Esc, Backspace, Up.
    case formDialog
}

/// One row of the key table: the keys, what they do, and how help and footer name them.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: ScreenCommand
    /// How the help overlay names the keys (`Up/k`).
    public var label: String
    /// A short sentence for the help overlay.
    public var description: String
    /// The footer legend's entry (`{arrows}/hjkl move`; `{arrows}` becomes the glyph
    /// set's arrow keys); nil keeps the binding out of the footer.
    public var legend: String?
    public var scope: KeyScope

    public init(
        _ keys: [Key], _ command: ScreenCommand, label: String, description: String, legend: String? = nil,
        scope: KeyScope = .screen
    ) {
        self.keys = keys
        self.command = command
        self.label = label
        self.description = description
        self.legend = legend
        self.scope = scope
    }

    /// The footer entry with glyphs filled in (`←↑↓→/hjkl move`, `arrows/hjkl move` in ASCII).
    public func legendText(glyphs: GlyphSet) -> String? {
        guard let legend else { return nil }
        return Self.filling(legend, arrows: glyphs.arrowKeys)
    }

    /// `legend` with every `{arrows}` replaced by `arrows`. By hand rather than with
    /// `String.replacing`, which lives in `_StringProcessing`: for this one call in every
    /// frame the station would keep ~0.9 MB of that library's (and its regex parser's) code
    /// resident (issue #8's memory goal).
    static func filling(_ legend: String, arrows: String) -> String {
        let placeholder = "{arrows}"
        var result = ""
        var rest = legend[...]
        while let brace = rest.firstIndex(of: "{") {
            result += rest[..<brace]
            let tail = rest[brace...]
            if tail.hasPrefix(placeholder) {
                result += arrows
                rest = tail.dropFirst(placeholder.count)
            } else {
                result.append("{")
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }
}

/// The one table of key bindings: it drives the handler, the help overlay and the footer.
///
/// Keeping a single table (lazygit's rule) means help can never drift from behaviour.
public struct KeyMap: Hashable, Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The binding for `key` in `scope`, if any (the first one listed wins).
    public func binding(for key: Key, in scope: KeyScope) -> KeyBinding? {
        bindings.first { $0.scope == scope && $0.keys.contains(key) }
    }

    /// The footer legend: `←↑↓→ move  1-9 chair  Enter detail ...`, at most `width` columns.
    ///
    /// When it does not fit, entries are left out from the one before the last two
    /// backwards, so `? help` (which lists every key) and `q quit` always show.
    public func legend(glyphs: GlyphSet, width: Int = .max) -> String {
        var entries = bindings.compactMap { $0.legendText(glyphs: glyphs) }
        var widths = entries.map(\.unicodeScalars.count)
        var total = widths.reduce(0, +) + 2 * max(entries.count - 1, 0)  // two spaces between
        while total > width, entries.count > 2 {
            let dropped = entries.count - 3
            total -= widths[dropped] + 2
            entries.remove(at: dropped)
            widths.remove(at: dropped)
        }
        return entries.joined(separator: "  ")
    }

    /// The standard bindings.
    public static let standard = KeyMap(bindings: [
        KeyBinding([.up, .character("k")], .moveUp, label: "Up/k", description: "Move (also h j k l)",
                   legend: "{arrows} move"),
        KeyBinding([.down, .character("j")], .moveDown, label: "Down/j", description: "Select the chair below"),
        KeyBinding([.left, .character("h")], .moveLeft, label: "Left/h", description: "Select the previous chair"),
        KeyBinding([.right, .character("l")], .moveRight, label: "Right/l", description: "Select the next chair"),
        KeyBinding((1...9).map { .character(Character(String($0))) }, .selectNumbered, label: "1-9",
                   description: "Select chair 1 to 9"),
        KeyBinding([.enter], .openDetail, label: "Enter",
                   description: "Chair detail", legend: "Enter detail"),
        KeyBinding([.character("a")], .acknowledgeAlarms, label: "a",
                   description: "Acknowledge the chair's alarms", legend: "a ack"),
        KeyBinding([.character("s")], .pauseAudio, label: "s",
                   description: "Silence audio (time-limited)", legend: "s silence"),
        KeyBinding([.character("A")], .showAlarmList, label: "A",
                   description: "List every active alarm", legend: "A alarms"),
        KeyBinding([.character("o")], .switchAlarm, label: "o",
                   description: "Alarm off/on, one parameter", legend: "o alm off"),
        KeyBinding([.character("+"), .character("=")], .stepRateUp, label: "+",
                   description: "Rate up one step (physician)", legend: "+-rpx dose"),
        KeyBinding([.character("-"), .character("_")], .stepRateDown, label: "-",
                   description: "Rate down one step (physician)"),
        KeyBinding([.character("r")], .typeRate, label: "r",
                   description: "Type a new rate (physician)"),
        KeyBinding([.character("p")], .pauseOrResume, label: "p",
                   description: "Pause, or start/resume"),
        KeyBinding([.character("x")], .stopInfusion, label: "x",
                   description: "Stop the infusion for good"),
        KeyBinding([.character("w")], .changeWeight, label: "w",
                   description: "Correct weight, kg (physician)"),
        KeyBinding([.character("n")], .admitPatient, label: "n",
                   description: "Admit to the free chair", legend: "n admit"),
        KeyBinding([.character("c")], .scoreDissociation, label: "c",
                   description: "CADSS-6 dissociation score"),
        KeyBinding([.character("v")], .recordIntervention, label: "v",
                   description: "Intervention / adverse event"),
        KeyBinding([.character("d")], .dischargeChecklist, label: "d",
                   description: "Discharge checklist"),
        KeyBinding([.character("D")], .signOffSession, label: "D",
                   description: "Sign off (physician, PIN)", legend: "cvdD session"),
        KeyBinding([.character("M")], .amendSession, label: "M", description: "Amend a signed session"),
        KeyBinding([.character("i")], .signIn, label: "i",
                   description: "Sign in with ID+PIN / unlock", legend: "i sign in"),
        KeyBinding([.character("I")], .signOut, label: "I", description: "Sign out"),
        KeyBinding([.escape], .back, label: "Esc", description: "Back / close / cancel"),
        KeyBinding([.character("?")], .toggleHelp, label: "?", description: "This help", legend: "? help"),
        KeyBinding([.character("t")], .cycleTheme, label: "t", description: "Next colour theme"),
        KeyBinding([.character("q")], .quit, label: "q",
                   description: "Quit (asks if sessions active)", legend: "q quit"),
        KeyBinding([.character("y"), .character("Y")], .confirm, label: "y",
                   description: "yes, quit", scope: .quitConfirmation),
        KeyBinding([.character("n"), .character("N"), .escape], .decline, label: "n/Esc",
                   description: "no, keep running", scope: .quitConfirmation),
        KeyBinding([.up, .character("k")], .moveUp, label: "Up", description: "previous", scope: .alarmList),
        KeyBinding([.down, .character("j")], .moveDown, label: "Down", description: "next", scope: .alarmList),
        KeyBinding([.enter], .confirm, label: "Enter", description: "go to chair", scope: .alarmList),
        KeyBinding([.escape, .character("A")], .decline, label: "Esc", description: "close", scope: .alarmList),
        KeyBinding([.up], .moveUp, label: "Up", description: "previous", scope: .alarmOffDialog),
        KeyBinding([.down], .moveDown, label: "Down", description: "next", scope: .alarmOffDialog),
        KeyBinding((1...9).map { .character(Character(String($0))) }, .selectNumbered, label: "1-6",
                   description: "pick", scope: .alarmOffDialog),
        KeyBinding([.enter], .confirm, label: "Enter", description: "ok", scope: .alarmOffDialog),
        KeyBinding([.backspace, .delete], .deleteBackward, label: "Bksp", description: "erase", scope: .alarmOffDialog),
        KeyBinding([.escape], .decline, label: "Esc", description: "cancel", scope: .alarmOffDialog),
        KeyBinding([.enter], .confirm, label: "Enter", description: "confirm", scope: .doseDialog),
        KeyBinding([.backspace, .delete], .deleteBackward, label: "Bksp", description: "erase", scope: .doseDialog),
        KeyBinding([.escape], .decline, label: "Esc", description: "cancel: nothing changes", scope: .doseDialog),
        KeyBinding([.enter], .confirm, label: "Enter", description: "next / sign in", scope: .signInDialog),
        KeyBinding([.backspace, .delete], .deleteBackward, label: "Bksp", description: "erase", scope: .signInDialog),
        KeyBinding([.escape], .decline, label: "Esc", description: "cancel", scope: .signInDialog),
        KeyBinding([.enter], .confirm, label: "Enter", description: "next/submit", scope: .formDialog),
        KeyBinding([.up], .moveUp, label: "Up", description: "back a field", scope: .formDialog),
        KeyBinding([.backspace, .delete], .deleteBackward, label: "Bksp", description: "erase", scope: .formDialog),
        KeyBinding([.escape], .decline, label: "Esc", description: "cancel", scope: .formDialog),
    ])
}
