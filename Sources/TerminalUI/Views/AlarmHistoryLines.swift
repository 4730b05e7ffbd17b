import Foundation
import InfusionCore

/// The detail view's alarm section: active alarms, alarms switched off, then the chair's
/// alarm history, newest first.
///
/// ```
/// Alarms active, then history (newest first)
/// 08:59:10 !!! HIGH PHYS SpO2 82<85      0:50 ACTIVE
/// 08:58:00 SpO2 ALM OFF by station:lee: patient moving
/// 08:40:05 !! MED   TECH MON05 NO DATA   01:10 ENDED ack station:lee 08:40
/// ```
///
/// Times are the condition's onset; a duration runs to now (active) or to the end.
enum AlarmHistoryLines {
    typealias Line = (left: [Segment], right: [Segment])

    static func lines(chair: ChairState, context: RenderContext) -> [Line] {
        var lines: [Line] = []
        for alarm in chair.alarms.sorted {
            lines.append(line(alarm, duration: context.now.timeIntervalSince(alarm.onsetAt), state: alarm.stateLabel,
                              context: context))
        }
        for kind in chair.alarms.disabled.keys.sorted() {
            guard let off = chair.alarms.disabled[kind] else { continue }
            lines.append(([Segment(context.timeOfDay(off.at), role: .label), AlarmStyle.offReminder(kind),
                           Segment("by \(off.by): \(off.reason)")], []))
        }
        for record in chair.alarms.history.reversed() {
            let state = record.alarm.isLatched ? "ENDED LATCHED" : "ENDED"
            lines.append(line(record.alarm, duration: record.duration, state: state, context: context))
        }
        return lines
    }

    static func line(_ alarm: ActiveAlarm, duration: TimeInterval, state: String, context: RenderContext) -> Line {
        let isTechnical = alarm.category == .technical
        var left = [
            Segment(context.timeOfDay(alarm.onsetAt), role: .label),
            Segment(pad(AlarmStyle.label(alarm.priority), 8), role: AlarmStyle.role(for: alarm.priority), attributes: .bold),
            Segment(alarm.category.shortLabel, role: isTechnical ? .technical : .text, attributes: isTechnical ? .bold : []),
            Segment(pad(alarm.text, 16), attributes: .bold),
            Segment(DurationText.clock(duration)),
            Segment(state, attributes: state == "ACTIVE" ? [] : .underline),
        ]
        if let by = alarm.acknowledgedBy, let at = alarm.acknowledgedAt {
            left.append(Segment("ack \(by) \(TimeOfDay.shortText(at, in: context.timeZone))", role: .label))
        }
        return (left, [])
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
