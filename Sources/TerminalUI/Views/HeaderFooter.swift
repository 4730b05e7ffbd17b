public import InfusionCore

/// The top row: clinic name, clock, active chairs, the station's alarms, and the
/// simulation banner.
///
/// ```
/// Riverside Infusion 09:00:00 Active 7/8   !!! HIGH 3 alarms AUDIO PAUSED 1:45 SIMULATED DEVICES
/// ```
///
/// The alarm summary (highest priority, escalation included, with marker and word, and
/// the count of active alarms), the audio pause countdown and `JOURNAL FAILING` sit on the
/// right and are never clipped: when the row is short, the banner shortens to `SIM`, then
/// the clinic name and the active count give way.
public enum Header {
    public static func render(clinic: ClinicState, context: RenderContext, row: Rect, buffer: inout CellBuffer) {
        buffer.fill(row, with: Cell(" ", role: .header, attributes: .bold))
        let name = Segment(clinic.clinicName, role: .header, attributes: .bold)
        let clock = Segment(context.timeOfDay(context.now), role: .header, attributes: .bold)
        let active = Segment("Active \(clinic.activeChairCount)/\(clinic.chairs.count)", role: .header, attributes: .bold)
        let alarms = alarmSegments(clinic: clinic, context: context)
        let banner = clinic.hasSimulatedDevices
            ? [Segment("SIMULATED DEVICES", role: .simulated, attributes: [.reverse, .bold])] : []
        let shortBanner = banner.isEmpty ? [] : [Segment("SIM", role: .simulated, attributes: [.reverse, .bold])]
        let who = operatorSegments(context.signedIn)
        let choices: [(left: [Segment], right: [Segment])] = [
            ([name, clock, active] + who, alarms + banner),
            ([name, clock, active] + who, alarms + shortBanner),
            ([clock, active] + who, alarms + shortBanner),
            ([clock] + who, alarms + shortBanner),
            ([clock], alarms + shortBanner),
        ]
        let fitting = choices.first { TileAlarms.width(of: $0.left) + 1 + TileAlarms.width(of: $0.right) <= row.width }
        let chosen = fitting ?? choices[choices.count - 1]
        buffer.drawRow(chosen.left, right: chosen.right, in: row, glyphs: context.glyphs)
    }

    /// `dr.demo`, `LOCKED dr.demo` or `signed out`: who can act at the station now.
    static func operatorSegments(_ status: Authenticator.Status?) -> [Segment] {
        switch status {
        case nil: []
        case .signedOut: [Segment("signed out", role: .header)]
        case .active(let identity): [Segment(identity.user.rawValue, role: .header, attributes: .bold)]
        case .idleLocked(let identity): [Segment("LOCKED " + identity.user.rawValue, role: .pending, attributes: [.bold, .underline])]
        }
    }

    /// `!!! HIGH 3 alarms`, `AUDIO PAUSED 1:45`, `JOURNAL FAILING`: what is present.
    static func alarmSegments(clinic: ClinicState, context: RenderContext) -> [Segment] {
        var segments: [Segment] = []
        if let priority = clinic.highestAlarmPriority {
            let count = clinic.chairs.reduce(0) { $0 + $1.alarms.active.count }
            let flashing = clinic.chairs.contains { AlarmStyle.needsAttention($0.alarms) }
            segments.append(AlarmStyle.markerSegment(
                priority, flashing: AlarmStyle.flashes(priority, isFlashing: flashing, context: context)))
            segments.append(Segment("\(count) alarm\(count == 1 ? "" : "s")", role: AlarmStyle.role(for: priority),
                                    attributes: AlarmStyle.attributes(for: priority)))
        }
        if clinic.isAudioPaused(at: context.now) {
            let remaining = AlarmStyle.countdown(clinic.audioPauseRemaining(at: context.now))
            segments.append(Segment("AUDIO PAUSED \(remaining)", role: .pending, attributes: [.bold, .underline]))
        }
        if context.journalFailure != nil {
            segments.append(Segment("JOURNAL FAILING", role: .technical, attributes: [.bold, .reverse]))
        }
        return segments
    }
}

/// The bottom row: the operator message, if any, then the key legend from the `KeyMap`.
public enum Footer {
    public static func render(message: String?, keyMap: KeyMap, row: Rect, buffer: inout CellBuffer, glyphs: GlyphSet) {
        buffer.fill(row, with: Cell(" ", role: .footer))
        var segments: [Segment] = []
        var room = row.width
        if let message {
            segments.append(Segment(message + " |", role: .footer, attributes: .bold))
            room -= message.unicodeScalars.count + 3
        }
        segments.append(Segment(keyMap.legend(glyphs: glyphs, width: max(0, room)), role: .footer))
        buffer.drawRow(segments, in: row, glyphs: glyphs)
    }
}
