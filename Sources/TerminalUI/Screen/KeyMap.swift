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
}

/// Where a binding applies.
public enum KeyScope: Hashable, Sendable {
    /// On the board and in the detail view.
    case screen
    /// Only in the quit confirmation.
    case quitConfirmation
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
                   legend: "{arrows}/hjkl move"),
        KeyBinding([.down, .character("j")], .moveDown, label: "Down/j", description: "Select the chair below"),
        KeyBinding([.left, .character("h")], .moveLeft, label: "Left/h", description: "Select the previous chair"),
        KeyBinding([.right, .character("l")], .moveRight, label: "Right/l", description: "Select the next chair"),
        KeyBinding((1...9).map { .character(Character(String($0))) }, .selectNumbered, label: "1-9",
                   description: "Select chair 1 to 9", legend: "1-9 chair"),
        KeyBinding([.enter], .openDetail, label: "Enter",
                   description: "Open the selected chair's detail", legend: "Enter detail"),
        KeyBinding([.escape], .back, label: "Esc", description: "Back: close help, dialog or detail", legend: "Esc back"),
        KeyBinding([.character("?")], .toggleHelp, label: "?", description: "Show or hide this help", legend: "? help"),
        KeyBinding([.character("t")], .cycleTheme, label: "t", description: "Next colour theme", legend: "t theme"),
        KeyBinding([.character("q")], .quit, label: "q",
                   description: "Quit (asks first while sessions are active)", legend: "q quit"),
        KeyBinding([.character("y"), .character("Y")], .confirm, label: "y",
                   description: "Quit dialog: yes, quit", scope: .quitConfirmation),
        KeyBinding([.character("n"), .character("N"), .escape], .decline, label: "n/Esc",
                   description: "Quit dialog: no, keep running", scope: .quitConfirmation),
    ])
}
