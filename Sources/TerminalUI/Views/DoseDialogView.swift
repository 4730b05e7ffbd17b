import Foundation
import InfusionCore

/// Draws the dose dialog: what is typed with its live mL/h, then the confirmation preview
/// (old → new in mg/kg/h and mL/h, fold, concentration and weight, end time and total).
enum DoseDialogView {
    static func render(dialog: DoseDialog, clinic: ClinicState, buffer: inout CellBuffer, context: RenderContext) {
        let chair = clinic[chair: dialog.chair]
        let lines = self.lines(dialog, chair: chair, context: context)
        let width = min(max(48, lines.map(\.unicodeScalars.count).max() ?? 0), max(0, buffer.width - 4))
        let box = DialogBox.centred(contentWidth: width, contentHeight: lines.count, in: buffer.bounds)
        DialogBox.render(title: "\(chair?.label ?? dialog.chair.rawValue): \(title(dialog))", lines: lines, in: box,
                         buffer: &buffer, glyphs: context.glyphs)
    }

    static func title(_ dialog: DoseDialog) -> String {
        if case .review(.control(let preview), _) = dialog.step, preview.startOrder != nil { return "start infusion" }
        return switch dialog.request {
        case .control(let intent): "\(intent.action.rawValue) infusion"
        case .weight: "weight"
        case .rate: "change rate"
        case nil:
            switch dialog.step {
            case .typingWeight, .typingWeightDate: "weight"
            default: "change rate"
            }
        }
    }

    static func lines(_ dialog: DoseDialog, chair: ChairState?, context: RenderContext) -> [String] {
        let session = chair?.session
        var lines: [String] = []
        switch dialog.step {
        case .typingRate(let current, let text):
            if let session {
                lines.append("\(session.start.patient.shortLabel)  \(session.order.drugName) \(session.order.concentration), \(session.weight)")
                let flow = DoseMath.flow(for: current, weight: session.weight, concentration: session.order.concentration)
                lines.append("Now  \(current) (\(flow))")
            }
            lines.append("New rate in mg/kg/h: " + text + "_")
            if let session, case .success(let rate) = DoseEntry.rate(text) {
                let flow = DoseMath.flow(for: rate, weight: session.weight, concentration: session.order.concentration)
                lines.append("  = \(flow) (\(DoseMath.massRate(rate, weight: session.weight)))")
            } else {
                lines.append("  = -- mL/h")
            }
            lines.append("Enter review  Esc cancel")
        case .typingWeight(let text):
            if let session { lines.append("\(session.start.patient.shortLabel)  now \(session.weight)") }
            lines.append("New weight in kg (never lb): " + text + "_")
            lines.append("Enter next  Esc cancel")
        case .typingWeightDate(let weight, let text):
            lines.append("New weight \(weight)")
            lines.append("Measured on (YYYY-MM-DD): " + text + "_")
            lines.append("Enter review  Esc cancel")
        case .review(let preview, let softLimit):
            lines += previewLines(preview, context: context)
            lines.append(softLimit == nil
                ? "Enter confirms  Esc cancels (nothing changes)"
                : "Soft limit passed: Enter to give a reason  Esc cancels")
        case .reentry(let preview, let prompt, let text):
            lines += previewLines(preview, context: context)
            lines.append(prompt)
            lines.append("> " + text + "_")
            lines.append("Enter check  Esc cancel")
        case .reason(let preview, let limit, let text):
            lines += previewLines(preview, context: context)
            lines.append("SECOND CONFIRMATION: \(limit)")
            for (index, reason) in DoseDialog.presetReasons.enumerated() { lines.append("  \(index + 1) \(reason)") }
            lines.append("Reason (pick 1-\(DoseDialog.presetReasons.count) or type): " + text + "_")
            lines.append("Enter confirms with this reason  Esc cancels")
        case .refused(let message):
            lines.append(message)
            lines.append("Nothing changed.  Enter or Esc closes")
        }
        if let notice = dialog.notice { lines.append("! " + notice) }
        return lines
    }

    static func previewLines(_ preview: DoseDialog.Preview, context: RenderContext) -> [String] {
        switch preview {
        case .rate(let preview):
            var lines = preview.lines { TimeOfDay.shortText($0, in: context.timeZone) }
            lines.append("By \(preview.by.printedName)")
            return lines
        case .control(let preview):
            return preview.lines + ["By \(preview.by.printedName)"]
        case .weight(let preview):
            return preview.lines { DoseDialog.dateText($0, in: context.timeZone) } + ["By \(preview.by.printedName)"]
        }
    }
}
