public import InfusionCore

/// The main screen: a header, every chair as a tile, and the key legend.
///
/// The layout (`BoardLayout`) picks the largest tile style that shows every chair;
/// when even compact tiles cannot, the last slot says `+N more` so that no chair is
/// ever silently left off.
public enum BoardView {
    /// Draws the board for `clinic` into the whole of `buffer`.
    public static func render(
        clinic: ClinicState, screen: ScreenState, context: RenderContext, keyMap: KeyMap, buffer: inout CellBuffer
    ) {
        let selected = screen.selection(in: clinic) ?? 0
        guard let layout = BoardLayout.make(
            width: buffer.width, height: buffer.height, chairCount: clinic.chairs.count, selected: selected)
        else {
            TooSmallView.render(buffer: &buffer, glyphs: context.glyphs)
            return
        }
        Header.render(clinic: clinic, context: context, row: layout.header, buffer: &buffer)
        for (offset, rect) in layout.tiles.enumerated() {
            let index = layout.firstVisible + offset
            let chair = clinic.chairs[index]
            let summary = ChairSummary(
            chair: chair, clinic: clinic, now: context.now, policy: context.freshness, signOff: context.signOffRules)
            ChairTile.render(
                summary, chair: chair, style: layout.style, isSelected: index == selected, in: rect,
                buffer: &buffer, context: context, escalationCount: clinic.alarmRules.escalationCount)
        }
        if let slot = layout.moreSlot {
            renderMore(layout: layout, chairCount: clinic.chairs.count, in: slot, buffer: &buffer, glyphs: context.glyphs)
        }
        Footer.render(message: screen.message, keyMap: keyMap, row: layout.footer, buffer: &buffer, glyphs: context.glyphs)
    }

    /// The `+N more` slot: how many chairs are not shown, and which.
    static func renderMore(layout: BoardLayout, chairCount: Int, in slot: Rect, buffer: inout CellBuffer, glyphs: GlyphSet) {
        let area = Rect(x: slot.x, y: slot.y, width: slot.width - 1, height: slot.height)
        buffer.fill(area)
        let before = layout.firstVisible
        let after = chairCount - before - layout.tiles.count
        buffer.drawRow([Segment("+\(layout.hiddenCount) more", role: .label, attributes: [.bold, .reverse])],
                       in: area.row(0), glyphs: glyphs)
        var lines: [String] = []
        if before > 0 { lines.append("chairs 1-\(before) before these") }
        if after > 0 { lines.append("chairs \(before + layout.tiles.count + 1)-\(chairCount) after these") }
        lines.append("move the selection to page; enlarge")
        lines.append("the window to see all")
        for (index, line) in lines.enumerated() where index + 1 < area.height {
            buffer.drawRow([Segment(line)], in: area.row(index + 1), glyphs: glyphs)
        }
    }
}
