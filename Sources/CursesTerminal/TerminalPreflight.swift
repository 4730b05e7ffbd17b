import Glibc

/// Checks that run before curses is touched, as pure functions of file descriptors
/// and the environment so that tests can call them with a pipe.
///
/// Why first: with stdin not a terminal, `wget_wch` returns at once and a timeout
/// loop spins at 100 % CPU; with `TERM` unset, curses cannot start at all.
public enum TerminalPreflight {
    /// Throws unless `input` and `output` (default: descriptors 0 and 1, stdin and
    /// stdout) are terminals and `TERM` is set.
    public static func check(
        input: Int32 = 0, output: Int32 = 1, environment: [String: String]
    ) throws(TerminalError) {
        guard isatty(input) == 1 else { throw .notATerminal(stream: "standard input") }
        guard isatty(output) == 1 else { throw .notATerminal(stream: "standard output") }
        guard let type = environment["TERM"], !type.isEmpty else { throw .terminalTypeMissing }
    }

    /// Whether the user asked for no colour (`NO_COLOR` present and not empty, per
    /// no-color.org).
    public static func isNoColorRequested(environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }

    /// Whether a locale code set (`nl_langinfo(CODESET)`) is UTF-8; if not, wide
    /// glyphs would vanish and the UI must use ASCII.
    public static func isUTF8(codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8"
    }
}
