/// Terminal text attributes that do not depend on colour.
///
/// The monochrome theme tells every state apart with these alone, so widgets that
/// mark a state (an alarm, a selection) set an attribute as well as a role.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let reverse = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)

    /// Not drawn as such: marks an alarm marker that flashes with high priority's rhythm.
    /// `CellBuffer.resolveFlashing(at:)` turns it into `reverse` (dark half) or nothing
    /// (lit half) for one instant, so a flash frame is the last rendered frame with its
    /// markers restyled instead of a whole new render (BENCHMARKS.md, "CPU").
    public static let flashesHigh = TextAttributes(rawValue: 1 << 6)
    /// As ``flashesHigh``, with medium priority's rhythm.
    public static let flashesMedium = TextAttributes(rawValue: 1 << 7)
    /// Both flash marks.
    public static let flashMarks: TextAttributes = [.flashesHigh, .flashesMedium]
}
