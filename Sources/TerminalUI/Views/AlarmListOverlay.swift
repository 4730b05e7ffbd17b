import Foundation
import InfusionCore

/// The alarm list (`A`): every active alarm of every chair, highest priority then oldest first.
///
/// ```
/// ┌─ Active alarms: Enter goes to the chair, Esc closes ─────────────────┐
/// │  Chair    Priority Type Alarm                     Time  State         │
/// │ ►CHAIR-05 !!! HIGH PHYS SpO2 82<85               02:10  LATCHED ACK   │
/// │  CHAIR-02 !! MED   TECH MON02 NO DATA            00:45  ACTIVE        │
/// ```
///
/// Durations run from the condition's onset (before the alarm condition delay). A journal
/// failure, which belongs to no chair, is listed above the alarms.
enum AlarmListOverlay {
    static let chairWidth = 9
    static let priorityWidth = 8
    static let typeWidth = 4
    static let durationWidth = 8
    static let stateWidth = 11

    static func render(clinic: ClinicState, cursor: Int, context: RenderContext, buffer: inout CellBuffer) {
        let glyphs = context.glyphs
        let alarms = clinic.allActiveAlarms
        let box = Rect(x: 1, y: 1, width: min(buffer.width - 2, 100), height: buffer.height - 2)
        buffer.fill(box, with: Cell(" ", role: .dialog))
        buffer.drawBox(box, glyphs: glyphs, role: .dialog, title: "Active alarms: Enter goes to the chair, Esc closes")
        let inner = box.inset(dx: 1, dy: 1)
        guard inner.height > 1, inner.width > 40 else { return }
        let textWidth = inner.width - 1 - chairWidth - priorityWidth - typeWidth - durationWidth - stateWidth - 5
        var y = inner.y
        if let failure = context.journalFailure {
            buffer.drawRow([Segment("STATION", role: .dialog, attributes: .bold),
                            Segment("TECH JOURNAL FAILING: " + failure, role: .technical, attributes: [.bold, .reverse])],
                           in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: 1), glyphs: glyphs)
            y += 1
        }
        let heading = " " + pad("Chair", chairWidth) + " " + pad("Priority", priorityWidth) + " " + pad("Type", typeWidth)
            + " " + pad("Alarm", textWidth) + " " + pad("    Time", durationWidth) + " " + "State"
        buffer.put(heading, x: inner.x, y: y, role: .dialog, attributes: .underline, clip: inner, glyphs: glyphs)
        y += 1
        guard !alarms.isEmpty else {
            buffer.put(" No active alarm.", x: inner.x, y: y, role: .dialog, clip: inner, glyphs: glyphs)
            return
        }
        let visibleRows = max(1, inner.maxY - y)
        let clamped = min(max(0, cursor), alarms.count - 1)
        let first = max(0, clamped - visibleRows + 1)
        for (offset, entry) in alarms.enumerated().dropFirst(first).prefix(visibleRows) {
            let row = Rect(x: inner.x, y: y + offset - first, width: inner.width, height: 1)
            drawEntry(entry.chair, entry.alarm, isCursor: offset == clamped, textWidth: textWidth, row: row,
                      context: context, buffer: &buffer)
        }
    }

    /// One alarm: cursor mark, chair, priority, type, text, duration, state.
    static func drawEntry(
        _ chair: ChairState, _ alarm: ActiveAlarm, isCursor: Bool, textWidth: Int, row: Rect, context: RenderContext,
        buffer: inout CellBuffer
    ) {
        let glyphs = context.glyphs
        let base: StyleRole = isCursor ? .selected : .dialog
        let baseAttributes: TextAttributes = isCursor ? [.reverse, .bold] : []
        buffer.fill(row, with: Cell(" ", role: base, attributes: baseAttributes))
        var x = row.x
        func column(_ text: String, _ width: Int, role: StyleRole, attributes: TextAttributes) {
            let clip = Rect(x: x, y: row.y, width: min(width, row.maxX - x), height: 1)
            buffer.put(pad(text, width), x: x, y: row.y, role: role, attributes: attributes, clip: clip, glyphs: glyphs)
            x += width + 1
        }
        let mark = isCursor ? glyphs.selectionMark : " "
        buffer.put(mark, x: x, y: row.y, role: base, attributes: baseAttributes, clip: row, glyphs: glyphs)
        x += 1
        column(chair.label, chairWidth, role: base, attributes: baseAttributes)
        column(AlarmStyle.label(alarm.priority), priorityWidth, role: AlarmStyle.role(for: alarm.priority), attributes: .bold)
        let isTechnical = alarm.category == .technical
        column(alarm.category.shortLabel, typeWidth, role: isTechnical ? .technical : base,
               attributes: isTechnical ? .bold : baseAttributes)
        column(alarm.text, textWidth, role: base, attributes: baseAttributes.union(.bold))
        let duration = DurationText.clock(context.now.timeIntervalSince(alarm.onsetAt))
        column(String(repeating: " ", count: max(0, durationWidth - duration.count)) + duration, durationWidth,
               role: base, attributes: baseAttributes)
        column(alarm.stateLabel, stateWidth, role: base, attributes: baseAttributes.union(alarm.stateLabel == "ACTIVE" ? [] : .underline))
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
