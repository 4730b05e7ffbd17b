/// Why a theme file could not be used at all.
///
/// Only a file that cannot be read or is not valid TOML is an error; anything a
/// file gets wrong inside valid TOML (an unknown role, colour or attribute) is a
/// warning and falls back to the default theme, because a theme is cosmetic and
/// must never stop the central station from starting.
public enum ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not valid TOML; `line` and `column` are 1-based.
    case malformed(file: String, line: Int, column: Int, reason: String)
    /// The file or directory could not be read.
    case unreadable(file: String, reason: String)

    /// The file the error is about, as it was named to the loader.
    public var file: String {
        switch self {
        case .malformed(let file, _, _, _), .unreadable(let file, _): file
        }
    }

    /// A one-line message for the operator and the log, naming file and line.
    public var description: String {
        switch self {
        case .malformed(let file, let line, let column, let reason):
            "\(file):\(line):\(column): not valid TOML: \(reason)"
        case .unreadable(let file, let reason):
            "\(file): cannot read theme: \(reason)"
        }
    }
}
