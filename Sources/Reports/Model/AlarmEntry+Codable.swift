import Foundation
import InfusionCore

extension AlarmEntry {
    private enum CodingKeys: String, CodingKey {
        case key, category, priority, text, onsetAt, raisedAt, endedAt, acknowledgedAt, acknowledgedBy
    }

    /// Priority names in JSON (`high`, `medium`, `low`) instead of the enum's numbers.
    private static let priorityNames: [AlarmPriority: String] = [.high: "high", .medium: "medium", .low: "low"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .priority)
        guard let priority = Self.priorityNames.first(where: { $0.value == name })?.key else {
            throw DecodingError.dataCorruptedError(forKey: .priority, in: container, debugDescription: "unknown priority \(name)")
        }
        self.init(
            key: try container.decode(String.self, forKey: .key), category: try container.decode(AlarmCategory.self, forKey: .category),
            priority: priority, text: try container.decode(String.self, forKey: .text),
            onsetAt: try container.decode(Date.self, forKey: .onsetAt), raisedAt: try container.decode(Date.self, forKey: .raisedAt),
            endedAt: try container.decodeIfPresent(Date.self, forKey: .endedAt),
            acknowledgedAt: try container.decodeIfPresent(Date.self, forKey: .acknowledgedAt),
            acknowledgedBy: try container.decodeIfPresent(String.self, forKey: .acknowledgedBy))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(category, forKey: .category)
        try container.encode(Self.priorityNames[priority] ?? "\(priority.rawValue)", forKey: .priority)
        try container.encode(text, forKey: .text)
        try container.encode(onsetAt, forKey: .onsetAt)
        try container.encode(raisedAt, forKey: .raisedAt)
        try container.encodeIfPresent(endedAt, forKey: .endedAt)
        try container.encodeIfPresent(acknowledgedAt, forKey: .acknowledgedAt)
        try container.encodeIfPresent(acknowledgedBy, forKey: .acknowledgedBy)
    }
}
