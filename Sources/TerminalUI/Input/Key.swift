/// A key press, decoded from the terminal by `CursesTerminal` and interpreted by the
/// key map in `TerminalUI`, so that views and tests never see curses key codes.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete
    case home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size; the next frame is laid out anew.
    case resize
}
