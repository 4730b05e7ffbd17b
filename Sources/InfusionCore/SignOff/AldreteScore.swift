/// A modified Aldrete recovery score: five items, each 0–2, total 0–10; a total of at
/// least ``SignOffRules/aldreteMinimum`` (9 by default) passes the discharge checklist.
///
/// Items: activity (moves 4 limbs = 2), respiration (breathes deeply and coughs = 2),
/// circulation (BP within ±20 % of pre-sedation = 2), consciousness (fully awake = 2),
/// oxygen saturation (≥ 92 % on room air = 2).
public struct AldreteScore: Hashable, Codable, Sendable {
    /// Each item is 0–2.
    public static let itemRange = 0...2
    /// The highest possible total (5 × 2).
    public static let maximumTotal = 10

    public let activity: Int
    public let respiration: Int
    public let circulation: Int
    public let consciousness: Int
    public let oxygenSaturation: Int

    /// Validates each item (0–2).
    public init(activity: Int, respiration: Int, circulation: Int, consciousness: Int, oxygenSaturation: Int) throws(ScoreInputError) {
        let items = [activity, respiration, circulation, consciousness, oxygenSaturation]
        for (index, value) in items.enumerated() where !Self.itemRange.contains(value) {
            throw .itemOutOfRange(item: index + 1, value: value, range: Self.itemRange)
        }
        self.activity = activity
        self.respiration = respiration
        self.circulation = circulation
        self.consciousness = consciousness
        self.oxygenSaturation = oxygenSaturation
    }

    /// The items in form order (activity, respiration, circulation, consciousness, SpO2).
    public var items: [Int] { [activity, respiration, circulation, consciousness, oxygenSaturation] }

    /// The sum (0–10).
    public var total: Int { items.reduce(0, +) }

    /// Whether every item is within 0–2 (a decoded value is not re-validated by `Codable`).
    public var isValid: Bool { items.allSatisfy(Self.itemRange.contains) }

    /// `Aldrete 9/10`.
    public var label: String { "Aldrete \(total)/\(Self.maximumTotal)" }
}
