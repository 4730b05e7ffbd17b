public import Foundation
public import InfusionCore

/// How alarms look: the role of each priority, the flashing rhythm, and the segments
/// every view uses, so that a tile, the header, the list and the detail agree.
///
/// Priority is never told by colour alone (domain §3): each segment carries the marker
/// (`!!!`, `!!`, `!`) and the word (`HIGH`, `MED`, `LOW`), and the roles carry their own
/// attributes in every theme (monochrome: high reverse+bold, medium reverse, low bold).
public enum AlarmStyle {
    /// The role that draws `priority` (`alarm-high`, `alarm-medium`, `alarm-low`).
    public static func role(for priority: AlarmPriority) -> StyleRole {
        switch priority {
        case .high: .alarmHigh
        case .medium: .alarmMedium
        case .low: .alarmLow
        }
    }

    /// The attributes cells of `priority` carry on top of their role's: high bold, medium
    /// none, low bold+underline. With the monochrome theme's roles (high reverse+bold,
    /// medium reverse, low bold) the three look different from each other and from a plain
    /// bold header, with no colour at all.
    public static func attributes(for priority: AlarmPriority) -> TextAttributes {
        switch priority {
        case .high: .bold
        case .medium: []
        case .low: [.bold, .underline]
        }
    }

    /// `!!! HIGH`, `!! MED`, `! LOW`.
    public static func label(_ priority: AlarmPriority) -> String { priority.marker + " " + priority.word }

    /// Seconds of one whole flash cycle: high ~2 Hz, medium ~0.5 Hz; nil for low (steady).
    public static func flashPeriod(_ priority: AlarmPriority) -> TimeInterval? {
        switch priority {
        case .high: 0.5
        case .medium: 2
        case .low: nil
        }
    }

    /// Whether an alarm of `priority` is in the lit half of its flash cycle at `context.now`.
    ///
    /// Always lit when flashing is off (photosensitivity), for low priority, and when
    /// `isFlashing` is false (every alarm acknowledged). Lit is the first half of each cycle,
    /// counted from the epoch, so that every tile flashes in step and a frame is a pure
    /// function of `now`.
    public static func isLit(_ priority: AlarmPriority, isFlashing: Bool = true, context: RenderContext) -> Bool {
        guard context.flashing, isFlashing, let period = flashPeriod(priority) else { return true }
        let halves = (context.now.timeIntervalSince1970 / (period / 2)).rounded(.down)
        return halves.truncatingRemainder(dividingBy: 2) == 0
    }

    /// Whether any frame could differ a quarter second from now because of flashing: the app
    /// redraws at least every 0.25 s while this holds (otherwise once a second).
    public static func isAnimating(_ clinic: ClinicState, context: RenderContext) -> Bool {
        guard context.flashing else { return false }
        return clinic.chairs.contains { chair in
            chair.alarms.active.values.contains { !$0.isAcknowledged && $0.priority > .low }
        }
    }

    /// Whether a chair's alarms call for flashing: at least one is not yet acknowledged.
    static func needsAttention(_ alarms: ChairAlarms) -> Bool {
        alarms.active.values.contains { !$0.isAcknowledged }
    }

    /// The marker and word of `priority` in its role, bold. A flashing marker carries its
    /// priority's flash mark; ``CellBuffer/resolveFlashing(at:)`` then sets reverse in the
    /// dark half of the flash, so the marker itself flashes in any theme that colours the role.
    static func markerSegment(_ priority: AlarmPriority, flashing: Bool = false) -> Segment {
        var attributes = attributes(for: priority)
        if flashing { attributes.formUnion(flashMark(priority)) }
        return Segment(label(priority), role: role(for: priority), attributes: attributes)
    }

    /// Whether a marker of `priority` flashes at all: flashing on in the clinic, some alarm
    /// not yet acknowledged (`isFlashing`), and a priority that flashes (not low).
    static func flashes(_ priority: AlarmPriority, isFlashing: Bool, context: RenderContext) -> Bool {
        context.flashing && isFlashing && flashPeriod(priority) != nil
    }

    /// The attribute that marks a cell flashing with `priority`'s rhythm.
    static func flashMark(_ priority: AlarmPriority) -> TextAttributes {
        switch priority {
        case .high: .flashesHigh
        case .medium: .flashesMedium
        case .low: []
        }
    }

    /// `!!! SpO2 82<85` for a physiological alarm, `!! TECH MON03 NO DATA` for a technical one
    /// (marker in the priority's role, the words in the `technical` role, underlined by theme).
    static func textSegments(_ alarm: ActiveAlarm) -> [Segment] {
        let marker = Segment(alarm.priority.marker, role: role(for: alarm.priority), attributes: .bold)
        switch alarm.category {
        case .physiological:
            return [marker, Segment(alarm.text, role: role(for: alarm.priority), attributes: .bold)]
        case .technical:
            return [marker, Segment("TECH " + alarm.text, role: .technical, attributes: .bold)]
        }
    }

    /// The state words after an alarm's text (`ACK`, `LATCHED`), or nil while simply active.
    static func stateSegment(_ alarm: ActiveAlarm) -> Segment? {
        alarm.isAcknowledged || alarm.isLatched ? Segment(alarm.stateLabel, role: .label, attributes: .underline) : nil
    }

    /// The reminder for a parameter whose alarm is switched off: `SpO2 ALM OFF` (`SpO2 OFF` short).
    static func offReminder(_ kind: VitalKind, short: Bool = false) -> Segment {
        Segment(kind.rawValue + (short ? " OFF" : " ALM OFF"), role: .pending, attributes: [.bold, .underline])
    }

    /// `1:45`: minutes and seconds without a leading zero, for the audio pause countdown.
    static func countdown(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds).rounded(.up))
        let secs = total % 60
        return "\(total / 60):" + (secs < 10 ? "0\(secs)" : "\(secs)")
    }
}
