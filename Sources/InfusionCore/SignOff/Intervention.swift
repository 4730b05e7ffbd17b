public import Foundation

/// What kind of intervention a clinician gave or noted during a session.
public enum InterventionKind: String, Hashable, Codable, Sendable, CaseIterable {
    case antiemetic
    case antihypertensive
    case oxygen
    case other

    /// `Antiemetic`, for lists and the report.
    public var label: String {
        switch self {
        case .antiemetic: "Antiemetic"
        case .antihypertensive: "Antihypertensive"
        case .oxygen: "Oxygen"
        case .other: "Other"
        }
    }
}

/// An intervention or adverse event noted for a session (journaled).
///
/// `text` says what was given or what happened (`ondansetron 4 mg IV`); for `.other` it
/// is the whole description and should not be empty.
public struct InterventionRecord: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    public var kind: InterventionKind
    public var text: String
    /// Whether this entry records an adverse event (nausea, hypertension, ...) rather than
    /// only a treatment given.
    public var isAdverseEvent: Bool
    public var by: OperatorIdentity
    public var at: Date

    public init(
        chair: ChairID, session: SessionID, kind: InterventionKind, text: String, isAdverseEvent: Bool,
        by: OperatorIdentity, at: Date
    ) {
        self.chair = chair
        self.session = session
        self.kind = kind
        self.text = text
        self.isAdverseEvent = isAdverseEvent
        self.by = by
        self.at = at
    }

    /// `Intervention antiemetic: ondansetron 4 mg` or `Adverse event other: vomited once`.
    public var summary: String {
        "\(isAdverseEvent ? "Adverse event" : "Intervention") \(kind.rawValue): \(text)"
    }
}
