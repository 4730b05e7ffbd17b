/// What a screen below the minimum size shows instead of a crushed board.
public enum TooSmallView {
    public static let message =
        "Terminal too small: enlarge the window to at least \(BoardLayout.minimumWidth)x\(BoardLayout.minimumHeight)"

    /// The message word-wrapped and centred, plus the current size.
    public static func render(buffer: inout CellBuffer, glyphs: GlyphSet) {
        buffer.fill(buffer.bounds)
        guard buffer.width > 0 else { return }
        let lines = wrap(message, width: buffer.width) + ["(now \(buffer.width)x\(buffer.height))"]
        let top = max(0, (buffer.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (buffer.width - line.unicodeScalars.count) / 2)
            buffer.put(line, x: x, y: top + index, role: .text, attributes: .bold, clip: buffer.bounds, glyphs: glyphs)
        }
    }

    /// Greedy word wrap; a word longer than `width` is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
