/// Why the journal could not do what was asked.
///
/// Every case carries a sentence for a person: the screen shows it when an operator
/// action is refused, and the audit command prints it.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database could not be opened, created or migrated.
    case unavailable(String)
    /// A write failed (read-only file, disk full, locked): nothing was accepted.
    case writeFailed(String)
    /// The stored data could not be read back (a payload or snapshot does not decode).
    case unreadable(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): "journal unavailable: \(reason)"
        case .writeFailed(let reason): "journal write failed: \(reason)"
        case .unreadable(let reason): "journal unreadable: \(reason)"
        }
    }

    /// The reason alone, for a header or a refusal message.
    public var reason: String {
        switch self {
        case .unavailable(let reason), .writeFailed(let reason), .unreadable(let reason): reason
        }
    }
}
