/// Why a report or the session list could not be made; each says it for a person.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No session with this ID in the journal.
    case unknownSession(String)
    /// The journal could not be opened or read (the underlying reason).
    case journal(String)
    /// A format name that is not html, json, csv or text.
    case unknownFormat(String)

    public var description: String {
        switch self {
        case .unknownSession(let id): "no session \"\(id)\" in the journal (`infusion-central sessions` lists them)"
        case .journal(let reason): reason
        case .unknownFormat(let name): "unknown format \"\(name)\" (use html, json, csv or text)"
        }
    }
}
