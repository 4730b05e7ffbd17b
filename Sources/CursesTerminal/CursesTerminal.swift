import CNcursesw
public import Foundation
public import TerminalUI

/// The terminal, driven through ncursesw: the only code in the program that calls curses.
///
/// **One thread owns it.** ncurses is not thread-safe, so this class is deliberately
/// not `Sendable`: create it, start it, present frames, read keys and stop it on
/// the UI thread only, never from a `Task`. Other threads reach the UI loop only
/// through `wakePipe` (Sendable), which interrupts `waitForInput`.
///
/// ```swift
/// let terminal = try CursesTerminal()
/// try terminal.start()
/// defer { terminal.stop() }
/// bus.onPublish = terminal.wakePipe.makeWakeUp()
/// while terminal.receivedSignal == nil {
///     let ready = terminal.waitForInput(timeoutMilliseconds: 250)
///     if ready.contains(.hangUp) { break }
///     for key in terminal.readKeys() { ... }
///     terminal.present(render(model, terminal.size), theme: theme)
/// }
/// ```
public final class CursesTerminal {
    /// The columns and rows of the screen, read at start and on every resize.
    public private(set) var size = TerminalSize(columns: 0, rows: 0)
    /// Whether the locale is UTF-8; when false, draw ASCII glyphs only (wide glyphs
    /// would silently vanish).
    public private(set) var isUTF8 = false
    /// The colours the screen can show after `NO_COLOR` is honoured (`.monochrome`
    /// means themes are replaced by `monochromeTheme`).
    public private(set) var colorDepth: ColorDepth = .monochrome
    /// Colours and colour pairs curses reports (`COLORS`, `COLOR_PAIRS`).
    public private(set) var colorCount = 0
    public private(set) var pairCount = 0
    /// Whether the terminal's own default colours can be used (`use_default_colors`).
    public private(set) var hasDefaultColors = false
    /// The theme used when there is no colour; set it to the catalog's
    /// `monochrome` if the operator may edit that file.
    public var monochromeTheme: Theme = .monochrome {
        didSet { drawnTheme = nil }
    }
    /// Wakes `waitForInput` from any thread (give `makeWakeUp()` to the bus).
    public let wakePipe: WakePipe

    /// Whether `start()` succeeded and `stop()` has not yet run.
    public private(set) var isStarted = false

    let environment: [String: String]
    var screen: OpaquePointer?
    var pairs = ColorPairRegistry(pairCount: 0)
    /// The theme asked for last and what it became on this terminal.
    var drawnTheme: (requested: Theme, effective: Theme)?
    var lastFrame: CellBuffer?

    /// Prepares a terminal; nothing is touched until `start()`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(TerminalError) {
        self.environment = environment
        wakePipe = try WakePipe()
    }

    deinit { stop() }

    /// Takes over the terminal: checks it, sets the locale, starts curses and colours,
    /// and installs the SIGINT/SIGTERM handlers.
    ///
    /// Throws, leaving the terminal untouched, when stdin or stdout is not a terminal
    /// or `TERM` is unset or unknown. Keys are read raw-ish (`cbreak`, `noecho`,
    /// `keypad`, `nonl`), the cursor is hidden, Esc is delivered after 25 ms, and the
    /// mouse stays off.
    public func start() throws(TerminalError) {
        guard !isStarted else { return }
        try TerminalPreflight.check(environment: environment)
        // Only the character type: ncursesw needs the user's encoding; numbers, times and
        // messages are the program's own (and loading every category cost a dozen file reads).
        setlocale(LC_CTYPE, "")
        isUTF8 = TerminalPreflight.isUTF8(codeset: String(cString: nl_langinfo(nl_item(CODESET))))

        guard let screen = newterm(nil, cn_stdout(), cn_stdin()) else {
            throw .unknownTerminalType(environment["TERM"] ?? "")
        }
        self.screen = screen
        set_term(screen)
        isStarted = true

        cbreak()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        intrflush(cn_stdscr(), false)
        // No look for typed-ahead keys in the middle of every update: the loop reads keys
        // itself each turn, and the check cost ncurses a `poll` and an early flush (an extra
        // `write`) several times per frame.
        typeahead(-1)
        curs_set(0)
        set_escdelay(25)
        startColors()
        readSize()
        SignalWatch.install(wakeDescriptor: wakePipe.writeDescriptor)
    }

    /// Gives the terminal back (`endwin`) and removes the signal handlers.
    /// Safe to call more than once, and called by `deinit`.
    public func stop() {
        guard isStarted, let screen else { return }
        isStarted = false
        SignalWatch.remove()
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        lastFrame = nil
        drawnTheme = nil
    }

    /// The stop signal (SIGINT, SIGTERM) received while running; the UI loop should
    /// then leave, call `stop()`, and exit with 128 + signal.
    public var receivedSignal: Int32? { SignalWatch.receivedSignal }

    /// Rings the terminal bell (or flashes, where there is no bell).
    public func bell() {
        guard isStarted else { return }
        beep()
    }

    /// Makes the next `present` repaint every cell (after anything else wrote to the screen).
    public func invalidate() {
        lastFrame = nil
    }

    // MARK: - Set-up helpers

    private func startColors() {
        colorDepth = .monochrome
        colorCount = 0
        pairCount = 0
        guard !TerminalPreflight.isNoColorRequested(environment: environment), has_colors() else { return }
        guard start_color() == OK else { return }
        hasDefaultColors = use_default_colors() == OK
        colorCount = Int(cn_colors())
        pairCount = Int(cn_color_pairs())
        // Direct-colour terminfo entries treat colour numbers as RGB; keep to the
        // 256-colour palette, which every colour terminal here understands.
        colorDepth = ColorDepth(colorCount: min(colorCount, 256))
        pairs = ColorPairRegistry(pairCount: pairCount)
    }

    func readSize() {
        let window = cn_stdscr()
        size = TerminalSize(columns: Int(cn_getmaxx(window)), rows: Int(cn_getmaxy(window)))
    }
}
