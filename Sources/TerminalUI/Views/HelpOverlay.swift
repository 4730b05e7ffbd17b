/// A centred box listing every binding of the `KeyMap`, and what the tile marks mean.
///
/// Generated from the same table that drives the key handler, so it cannot go stale.
public enum HelpOverlay {
    public static func render(keyMap: KeyMap, buffer: inout CellBuffer, glyphs: GlyphSet) {
        var lines: [String] = keyMap.bindings.map { pad($0.label, 8) + " " + $0.description }
        lines.append("")
        lines.append("MON \(glyphs.linkOK) link ok    MON \(glyphs.linkLost) link lost    MON \(glyphs.noData) no data")
        lines.append("dimmed value + age: stale    \(glyphs.noData): expired or unavailable")
        lines.append("SIM: simulated device, not a patient")
        lines.append("Sparklines: HR, one column per minute, newest right")
        let box = DialogBox.centred(contentWidth: lines.map(\.unicodeScalars.count).max() ?? 0,
                                    contentHeight: lines.count, in: buffer.bounds)
        DialogBox.render(title: "Keys (Esc closes)", lines: lines, in: box, buffer: &buffer, glyphs: glyphs)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
