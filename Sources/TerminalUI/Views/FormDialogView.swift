import InfusionCore

/// Draws a `FormDialog`: header lines, each field with its value (a PIN as `*`), the
/// options of the field being typed, and the keys.
enum FormDialogView {
    static func render(form: FormDialog, clinic: ClinicState, buffer: inout CellBuffer, context: RenderContext) {
        let lines = self.lines(form, glyphs: context.glyphs)
        let width = min(max(50, lines.map(\.unicodeScalars.count).max() ?? 0), max(0, buffer.width - 4))
        let box = DialogBox.centred(contentWidth: width, contentHeight: lines.count, in: buffer.bounds)
        let label = clinic[chair: form.purpose.chair]?.label ?? form.purpose.chair.rawValue
        DialogBox.render(title: "\(label): \(form.title)", lines: lines, in: box, buffer: &buffer, glyphs: context.glyphs)
    }

    static func lines(_ form: FormDialog, glyphs: GlyphSet) -> [String] {
        var lines = form.header
        for (index, field) in form.fields.enumerated() {
            let current = index == form.cursor
            let shown = field.kind == .secret ? String(repeating: "*", count: field.value.count) : field.value
            lines.append("\(current ? glyphs.selectionMark : " ") \(field.label): \(shown)\(current ? "_" : "")")
            if current {
                switch field.kind {
                case .choice(let options):
                    lines.append("    " + options.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "  "))
                case .score(let range):
                    lines.append("    a digit \(range.lowerBound)-\(range.upperBound)")
                default: break
                }
            }
        }
        if case .notice = form.purpose {
            lines.append("Enter or Esc closes")
        } else if form.isReviewing {
            lines.append("Enter submits  Up changes a field  Esc cancels (nothing recorded)")
        } else {
            lines.append("Enter next  Up back  Esc cancel")
        }
        if let notice = form.notice { lines.append("! " + notice) }
        return lines
    }
}
