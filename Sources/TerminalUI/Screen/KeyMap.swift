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
        legend?.replacing("{arrows}", with: glyphs.arrowKeys)
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

    /// The footer legend: `←↑↓→ move  1-9 chair  Enter detail ...`.
    public func legend(glyphs: GlyphSet) -> String {
        bindings.compactMap { $0.legendText(glyphs: glyphs) }.joined(separator: "  ")
    }

    /// The standard bindings.
    public static let standard = KeyMap(bindings: [
        KeyBinding([.up, .character("k")], .moveUp, label: "Up/k", description: "Select the chair above",
                   legend: "{arrows} move"),
        KeyBinding([.down, .character("j")], .moveDown, label: "Down/j", description: "Select the chair below"),
        KeyBinding([.left, .character("h")], .moveLeft, label: "Left/h", description: "Select the previous chair"),
        KeyBinding([.right, .character("l")], .moveRight, label: "Right/l", description: "Select the next chair"),
        KeyBinding((1...9).map { .character(Character(String($0))) }, .selectNumbered, label: "1-9",
                   description: "Select chair 1 to 9"),
        KeyBinding([.enter], .openDetail, label: "Enter",
                   description: "Open the selected chair's detail", legend: "Enter detail"),
        KeyBinding([.character("a")], .acknowledgeAlarms, label: "a",
                   description: "Acknowledge the selected chair's alarms", legend: "a ack"),
        KeyBinding([.character("s")], .pauseAudio, label: "s",
                   description: "Silence: pause alarm audio (time-limited)", legend: "s silence"),
        KeyBinding([.character("A")], .showAlarmList, label: "A",
                   description: "List every active alarm", legend: "A alarms"),
        KeyBinding([.character("o")], .switchAlarm, label: "o",
                   description: "Alarm off/on for one parameter of the chair", legend: "o alm off"),
        KeyBinding([.escape], .back, label: "Esc", description: "Back: close help, list, dialog or detail"),
        KeyBinding([.character("?")], .toggleHelp, label: "?", description: "Show or hide this help", legend: "? help"),
        KeyBinding([.character("t")], .cycleTheme, label: "t", description: "Next colour theme"),
        KeyBinding([.character("q")], .quit, label: "q",
                   description: "Quit (asks first while sessions are active)", legend: "q quit"),
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
    ])
}
