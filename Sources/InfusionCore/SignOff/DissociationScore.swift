public import Foundation

/// Why a typed clinical score was refused (the screen shows `message`).
public enum ScoreInputError: Error, Hashable, Sendable {
    /// The score needs exactly `expected` items.
    case wrongItemCount(expected: Int, got: Int)
    /// Item `item` (1-based) is outside its range.
    case itemOutOfRange(item: Int, value: Int, range: ClosedRange<Int>)

    /// What the screen says.
    public var message: String {
        switch self {
        case .wrongItemCount(let expected, let got): "Enter all \(expected) items (got \(got))"
        case .itemOutOfRange(let item, let value, let range):
            "Item \(item) must be \(range.lowerBound)–\(range.upperBound) (got \(value))"
        }
    }
}

/// A CADSS-6 dissociation score: the six-item short form of the Clinician-Administered
/// Dissociative States Scale, each item 0 (not at all) to 4 (extremely); total 0–24.
///
/// Values are validated on creation, so a `DissociationScore` is always a real score.
public struct DissociationScore: Hashable, Codable, Sendable {
    /// Six items.
    public static let itemCount = 6
    /// Each item is 0–4.
    public static let itemRange = 0...4
    /// The highest possible total (6 × 4).
    public static let maximumTotal = itemCount * itemRange.upperBound

    /// The six item values, in the form's order.
    public let items: [Int]

    /// Validates `items`: exactly six, each 0–4.
    public init(items: [Int]) throws(ScoreInputError) {
        try Self.validate(items)
        self.items = items
    }

    /// Throws the first problem with `items`, or returns when they form a valid score.
    public static func validate(_ items: [Int]) throws(ScoreInputError) {
        guard items.count == itemCount else { throw .wrongItemCount(expected: itemCount, got: items.count) }
        for (index, value) in items.enumerated() where !itemRange.contains(value) {
            throw .itemOutOfRange(item: index + 1, value: value, range: itemRange)
        }
    }

    /// The sum of the items (0–24).
    public var total: Int { items.reduce(0, +) }

    /// `CADSS 12`.
    public var label: String { "CADSS \(total)" }
}

/// A clinician entered a CADSS-6 score for a session (journaled; see ``DissociationScore``).
///
/// The payload keeps the raw items so the journal holds exactly what was typed; the
/// reducer ignores a scoring whose items do not validate.
public struct DissociationScoring: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    /// The six item values (0–4 each).
    public var items: [Int]
    public var by: OperatorIdentity
    public var at: Date

    public init(chair: ChairID, session: SessionID, items: [Int], by: OperatorIdentity, at: Date) {
        self.chair = chair
        self.session = session
        self.items = items
        self.by = by
        self.at = at
    }

    /// The validated score, or nil when the items are not a valid CADSS-6.
    public var score: DissociationScore? { try? DissociationScore(items: items) }
}
