/// A run of text with one meaning, the unit rows are built from.
public struct Segment: Hashable, Sendable {
    public var text: String
    public var role: StyleRole
    public var attributes: TextAttributes

    public init(_ text: String, role: StyleRole = .text, attributes: TextAttributes = []) {
        self.text = text
        self.role = role
        self.attributes = attributes
    }

    /// Columns the text takes (every scalar is one cell in a `CellBuffer`).
    public var width: Int { text.unicodeScalars.count }
}

extension CellBuffer {
    /// Draws `left` segments from the row's left edge and `right` segments flush with
    /// its right edge, one space between segments, all clipped to `row`.
    ///
    /// The right-hand segments are drawn last and keep their place: whatever must never
    /// be clipped away (the `SIM` label, an alarm marker) goes there, and the left side
    /// is cut short instead. Text passes through `glyphs.adapt` so that an ASCII screen
    /// stays ASCII whatever the model's strings hold.
    /// - Returns: the column after the last left-hand character drawn.
    @discardableResult
    mutating func drawRow(_ left: [Segment], right: [Segment] = [], in row: Rect, glyphs: GlyphSet) -> Int {
        guard !row.isEmpty else { return row.x }
        let rightItems = right.filter { !$0.text.isEmpty }
        let rightWidth = rightItems.reduce(0) { $0 + $1.width } + max(0, rightItems.count - 1)
        let leftLimit = rightItems.isEmpty ? row.width : max(0, row.width - rightWidth - 1)
        let leftClip = Rect(x: row.x, y: row.y, width: leftLimit, height: 1)
        var column = row.x
        for segment in left where !segment.text.isEmpty {
            if column > row.x { column += 1 }
            let text = glyphs.adapt(segment.text)
            write(text, x: column, y: row.y, role: segment.role, attributes: segment.attributes, clip: leftClip)
            column += text.unicodeScalars.count
        }
        var rightColumn = row.maxX - rightWidth
        for segment in rightItems {
            let text = glyphs.adapt(segment.text)
            write(text, x: rightColumn, y: row.y, role: segment.role, attributes: segment.attributes, clip: row)
            rightColumn += text.unicodeScalars.count + 1
        }
        return min(column, leftClip.maxX)
    }

    /// Writes `text` through `glyphs.adapt`, clipped to `clip`.
    @discardableResult
    mutating func put(
        _ text: String, x: Int, y: Int, role: StyleRole = .text, attributes: TextAttributes = [],
        clip: Rect, glyphs: GlyphSet
    ) -> Int {
        write(glyphs.adapt(text), x: x, y: y, role: role, attributes: attributes, clip: clip)
    }

    /// Draws a box border on the edge of `rect` in the `border` role (nothing if it is too small).
    mutating func drawBox(_ rect: Rect, glyphs: GlyphSet, role: StyleRole = .border, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = String(repeating: glyphs.horizontal, count: rect.width - 2)
        write(glyphs.topLeft + inner + glyphs.topRight, x: rect.x, y: rect.y, role: role, clip: rect)
        write(glyphs.bottomLeft + inner + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1, role: role, clip: rect)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            write(glyphs.vertical, x: rect.x, y: row, role: role, clip: rect)
            write(glyphs.vertical, x: rect.maxX - 1, y: row, role: role, clip: rect)
        }
        if let title, rect.width > 4 {
            put(" \(title) ", x: rect.x + 2, y: rect.y, role: .header, attributes: .bold,
                clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), glyphs: glyphs)
        }
    }
}
