import Foundation
import InfusionCore

/// Draws the alarm-off dialog (`AlarmOffDialog`) as a centred box.
///
/// ```
/// ┌─ CHAIR-05: alarm off/on ─────────────────┐
/// │                                           │
/// │  Which parameter? (1-6 or arrows, Enter)  │
/// │  ► 1 HR                                   │
/// │    2 SpO2   (alarm OFF: patient moving)   │
/// ```
enum AlarmOffDialogView {
    static func render(dialog: AlarmOffDialog, clinic: ClinicState, buffer: inout CellBuffer, context: RenderContext) {
        let glyphs = context.glyphs
        let chair = clinic[chair: dialog.chair]
        let disabled = chair?.alarms.disabled ?? [:]
        var lines: [String] = []
        switch dialog.step {
        case .parameter(let cursor):
            lines.append("Which parameter? 1-6 or arrows, then Enter")
            for (index, kind) in AlarmOffDialog.kinds.enumerated() {
                let mark = index == cursor ? glyphs.selectionMark : " "
                var line = "\(mark) \(index + 1) \(pad(kind.rawValue, 6))"
                if let off = disabled[kind] { line += "alarm OFF: \(off.reason)" } else { line += "alarm on" }
                lines.append(line)
            }
            lines.append("Esc cancels")
        case .reason(let kind, let text):
            lines.append("Switch the \(kind.rawValue) alarm OFF. Reason (required):")
            for (index, reason) in AlarmOffDialog.presetReasons.enumerated() { lines.append("  \(index + 1) \(reason)") }
            lines.append("  or type your own")
            lines.append("> " + text + "_")
            lines.append(text.trimmingCharacters(in: .whitespaces).isEmpty
                ? "A reason is required.  Esc cancels" : "Enter switches it off.  Esc cancels")
        case .turnOn(let kind):
            let off = disabled[kind]
            lines.append("The \(kind.rawValue) alarm is OFF" + (off.map { ": \($0.reason)" } ?? ""))
            if let off { lines.append("since \(TimeOfDay.shortText(off.at, in: context.timeZone)) by \(off.by)") }
            lines.append("Enter turns it back ON.  Esc cancels")
        }
        let width = max(40, lines.map(\.unicodeScalars.count).max() ?? 0)
        let box = DialogBox.centred(contentWidth: width, contentHeight: lines.count, in: buffer.bounds)
        DialogBox.render(title: "\(chair?.label ?? dialog.chair.rawValue): alarm off/on", lines: lines, in: box,
                         buffer: &buffer, glyphs: glyphs)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
