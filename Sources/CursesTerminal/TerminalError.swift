/// Why the terminal could not be started, with a message for the operator and a
/// suggested process exit code (from `sysexits.h`).
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, a cron job).
    case notATerminal(stream: String)
    /// `TERM` is unset or empty, so curses cannot know how to draw.
    case terminalTypeMissing
    /// `TERM` names a terminal the terminfo database does not know.
    case unknownTerminalType(String)
    /// A system call the terminal layer needs failed (for example `pipe`).
    case systemCallFailed(call: String, errno: Int32)

    /// A one-line explanation that says what to do about it.
    public var message: String {
        switch self {
        case .notATerminal(let stream):
            "\(stream) is not a terminal: run infusion-central in a terminal (not through a pipe or redirect)"
        case .terminalTypeMissing:
            "TERM is not set: set it to your terminal type, e.g. TERM=xterm-256color"
        case .unknownTerminalType(let type):
            "TERM=\(type) is not in the terminfo database: try TERM=xterm-256color or install ncurses-term"
        case .systemCallFailed(let call, let errno):
            "\(call) failed (errno \(errno))"
        }
    }

    public var description: String { message }

    /// The exit code a program should end with: 64 (`EX_USAGE`) when run without a
    /// terminal, 78 (`EX_CONFIG`) for a missing or unknown `TERM`, 71 (`EX_OSERR`)
    /// when the system refused a call.
    public var exitCode: Int32 {
        switch self {
        case .notATerminal: 64
        case .terminalTypeMissing, .unknownTerminalType: 78
        case .systemCallFailed: 71
        }
    }
}
