/// The characters views draw with, in a Unicode and an ASCII variant.
///
/// Under a non-UTF-8 locale wide glyphs silently vanish from an ncurses screen, so
/// the app picks `.ascii` there (from `nl_langinfo(CODESET)`, htop's rule). Views
/// never write a box-drawing or block character literally: they ask the glyph set,
/// which is what keeps the ASCII screen free of any non-ASCII scalar.
public struct GlyphSet: Hashable, Sendable {
    /// Box corners and edges, clockwise from the top-left.
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var horizontal: String
    public var vertical: String
    /// Sparkline levels from lowest to highest (at least two).
    public var sparkLevels: [String]
    /// "changes to", as in `0.75 → 1.00 mg/kg/h`.
    public var arrow: String
    /// Marks the selected tile (beside the selected role and attribute, never instead).
    public var selectionMark: String
    /// A device link that is up and heard from.
    public var linkOK: String
    /// A device link the adapter reports lost.
    public var linkLost: String
    /// A value or a device with no current data (expired, unavailable, silent).
    public var noData: String
    /// Arrow keys, for the key legend (`←↑↓→`).
    public var arrowKeys: String
    /// The micro sign of `µg/mL` (`u` in ASCII, as in `ug/mL`).
    public var microSign: String

    /// Box drawing, block sparklines and arrows: for UTF-8 terminals.
    public static let unicode = GlyphSet(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        arrow: "→", selectionMark: "►", linkOK: "✓", linkLost: "✗", noData: "--", arrowKeys: "←↑↓→",
        microSign: "µ")

    /// Plain 7-bit characters only: for terminals whose locale is not UTF-8.
    public static let ascii = GlyphSet(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        sparkLevels: ["_", ".", "-", "=", "+", "*", "#"],
        arrow: "->", selectionMark: ">", linkOK: "ok", linkLost: "LOST", noData: "--", arrowKeys: "arrows",
        microSign: "u")

    /// `.unicode` when the terminal's character set is UTF-8, `.ascii` otherwise.
    ///
    /// - Parameter codeset: what `nl_langinfo(CODESET)` returned (`UTF-8`, `ANSI_X3.4-1968`).
    public static func forCodeset(_ codeset: String) -> GlyphSet {
        let normalized = String(codeset.uppercased().filter { $0 != "-" && $0 != "_" })
        return normalized == "UTF8" ? .unicode : .ascii
    }

    /// Whether every glyph of the set is 7-bit ASCII.
    public var isASCII: Bool {
        let all = [topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical, arrow, selectionMark,
                   linkOK, linkLost, noData, arrowKeys, microSign] + sparkLevels
        return all.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) }
    }

    /// Replaces the characters of model text that the set cannot show (`µ` in units).
    public func adapt(_ text: String) -> String {
        guard microSign != "µ", text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "µ": result.append(contentsOf: microSign.unicodeScalars)
            case "→": result.append(contentsOf: arrow.unicodeScalars)
            default: result.append(scalar.isASCII ? scalar : "?")
            }
        }
        return String(result)
    }
}
