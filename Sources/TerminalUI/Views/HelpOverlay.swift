/// A centred box listing every binding of the `KeyMap`, and what the tile marks mean.
///
/// Generated from the same table that drives the key handler, so it cannot go stale.
/// Board bindings are listed in two columns (the four moves share one entry); each
/// dialog's bindings share one line, so the whole help fits an 80x24 screen.
public enum HelpOverlay {
    public static func render(keyMap: KeyMap, buffer: inout CellBuffer, glyphs: GlyphSet) {
        let lines = self.lines(keyMap: keyMap, glyphs: glyphs)
        let box = DialogBox.centred(contentWidth: lines.map(\.unicodeScalars.count).max() ?? 0,
                                    contentHeight: lines.count, in: buffer.bounds)
        DialogBox.render(title: "Keys (Esc closes)", lines: lines, in: box, buffer: &buffer, glyphs: glyphs)
    }

    static let moves: Set<ScreenCommand> = [.moveUp, .moveDown, .moveLeft, .moveRight]

    static func lines(keyMap: KeyMap, glyphs: GlyphSet) -> [String] {
        var entries: [String] = []
        let screen = keyMap.bindings.filter { $0.scope == .screen }
        var movesShown = false
        for binding in screen {
            if moves.contains(binding.command) {
                guard !movesShown else { continue }
                movesShown = true
                entries.append(pad(glyphs.arrowKeys, 6) + " " + binding.description)
                continue
            }
            entries.append(pad(binding.label, 6) + " " + binding.description)
        }
        // Two columns, read down then across, so every key fits an 80x24 screen.
        let rows = (entries.count + 1) / 2
        var lines = (0..<rows).map { row in
            entries.indices.contains(row + rows) ? pad(entries[row], 38) + entries[row + rows] : entries[row]
        }
        for (scope, title) in [(KeyScope.quitConfirmation, "Quit dialog:"), (.alarmList, "Alarm list:"),
                               (.alarmOffDialog, "Alarm off:")] {
            let bindings = keyMap.bindings.filter { $0.scope == scope }
            var parts: [String] = []
            for binding in bindings {
                if binding.command == .moveDown, parts.last?.hasPrefix("Up ") == true {
                    parts[parts.count - 1] = "Up/Down move"
                    continue
                }
                parts.append(binding.label + " " + binding.description)
            }
            lines.append(title + " " + parts.joined(separator: "  "))
        }
        lines.append("!!! HIGH  !! MED  ! LOW (high, medium flash)  TECH: equipment alarm")
        lines.append("ACK: acknowledged  LATCHED: ended, awaits ack  SpO2 ALM OFF: alarm off")
        lines.append("MON \(glyphs.linkOK) link ok  MON \(glyphs.linkLost) link lost  MON \(glyphs.noData) no data"
                     + "  SIM: simulated device")
        lines.append("dimmed value + age: stale  \(glyphs.noData): expired or unavailable  HR trend: 1 col/min")
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
