/// Asks before quitting while any session is active: the station must not vanish by accident.
public enum QuitDialog {
    public static let question = "Sessions are active. Quit? (y/n)"

    public static func render(activeSessions: Int, buffer: inout CellBuffer, glyphs: GlyphSet) {
        let lines = [question, "\(activeSessions) chair\(activeSessions == 1 ? "" : "s") in session"]
        let box = DialogBox.centred(contentWidth: question.count, contentHeight: lines.count, in: buffer.bounds)
        DialogBox.render(title: "Quit", lines: lines, in: box, buffer: &buffer, glyphs: glyphs)
    }
}

/// A bordered box of text lines in the `dialog` role, drawn over whatever is below.
enum DialogBox {
    /// A box with one column and row of padding around the content, centred in `bounds`
    /// and no larger than it.
    static func centred(contentWidth: Int, contentHeight: Int, in bounds: Rect) -> Rect {
        let width = min(bounds.width, contentWidth + 4)
        let height = min(bounds.height, contentHeight + 4)
        return Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2,
                    width: width, height: height)
    }

    static func render(title: String, lines: [String], in box: Rect, buffer: inout CellBuffer, glyphs: GlyphSet) {
        buffer.fill(box, with: Cell(" ", role: .dialog))
        buffer.drawBox(box, glyphs: glyphs, role: .dialog, title: title)
        let inner = box.inset(dx: 2, dy: 2)
        for (index, line) in lines.enumerated() where index < inner.height {
            buffer.put(line, x: inner.x, y: inner.y + index, role: .dialog, clip: inner, glyphs: glyphs)
        }
    }
}
