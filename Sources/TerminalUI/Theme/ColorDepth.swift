/// How many colours a terminal can show, from none to true colour.
///
/// Themes are written for the richest terminal and degraded, colour by colour, to
/// what the terminal reports (btop's approach): true colour -> 256 -> 16 -> 8.
/// `.monochrome` means "no colour at all" (no colours, or `NO_COLOR` set): the
/// monochrome theme, which tells states apart by attributes alone, is used instead.
public enum ColorDepth: Int, Comparable, CaseIterable, Sendable {
    case monochrome = 0
    case ansi8 = 8
    case ansi16 = 16
    case palette256 = 256
    case trueColor = 16_777_216

    /// The depth for a terminal that reports `colorCount` colours (curses' `COLORS`).
    public init(colorCount: Int) {
        switch colorCount {
        case ..<8: self = .monochrome
        case ..<16: self = .ansi8
        case ..<256: self = .ansi16
        case ..<16_777_216: self = .palette256
        default: self = .trueColor
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
