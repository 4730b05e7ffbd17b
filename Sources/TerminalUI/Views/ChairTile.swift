public import InfusionCore

/// One chair on the board: a header row and up to six rows of values.
///
/// Header: selection mark, chair label, patient (or `free`), phase, and on the right
/// the chair's alarm priority (`!!! HIGH`) and `SIM`. Rows, by `TileStyle`:
///
/// ```
/// compact   12:30/40:00 19.9/40.0mg      MON ✓ PMP ✓
///           0.75mg/kg/h 60.0mL/h HR 72 SpO2 98
///           BP 124/78(93) 4m RR 14 EtCO2 38 ▃▄▅▆
/// regular   12:30/40:00 0.75mg/kg/h 60.0mL/h
///           Dose 19.9/40.0mg             MON ✓ PMP ✓
///           HR 72 SpO2 98 RR 14 EtCO2 38
///           BP 124/78(93) 4m  HR ▃▄▅▆▆▇
/// large     as regular, then an HR trend row and the latest NIBP readings with their times
/// ```
///
/// With an alarm (or an alarm switched off) the tile gives up its least important line
/// for the alarm line `!!! SpO2 82<85 ACK +1`: in the regular and large styles the dose
/// moves beside the blood pressure in place of the HR trend; in the compact style the
/// alarm line takes the place of elapsed time and dose. While alarming, the header is
/// drawn in the priority's role (flashing: see `AlarmStyle.isLit`) and the alarming value
/// in the priority's role, bold.
///
/// The last column of the tile is left blank as the gutter between tiles.
public enum ChairTile {
    /// Draws `chair` (summarised as `summary`) into `rect`, clipped to it.
    ///
    /// - Parameter escalationCount: medium alarms at once that make the chair high
    ///   (`AlarmRules.escalationCount`).
    public static func render(
        _ summary: ChairSummary, chair: ChairState, style: TileStyle, isSelected: Bool, in rect: Rect,
        buffer: inout CellBuffer, context: RenderContext, escalationCount: Int = 2
    ) {
        let area = Rect(x: rect.x, y: rect.y, width: max(0, rect.width - 1), height: rect.height)
        buffer.fill(area)
        guard !area.isEmpty else { return }
        let glyphs = context.glyphs
        let alarms = TileAlarms(chair, escalationCount: escalationCount)
        drawHeader(summary, isSelected: isSelected, alarms: alarms, row: area.row(0), buffer: &buffer,
                   context: context)
        let rows = self.rows(summary, chair: chair, style: style, width: area.width, alarms: alarms, context: context)
        for (index, row) in rows.enumerated() where index + 1 < area.height {
            buffer.drawRow(row.left, right: row.right, in: area.row(index + 1), glyphs: glyphs)
        }
    }

    /// The header row: `► CHAIR-01 A.T. 0001 INFUSING ... !!! HIGH SIM`.
    ///
    /// While the chair alarms, the row is filled in the priority's role, steadily; the
    /// marker flashes (in the dark half it is drawn reversed). When the
    /// row is too narrow for everything the phase is shortened (`INF`), never the priority or `SIM`.
    static func drawHeader(
        _ summary: ChairSummary, isSelected: Bool, alarms: TileAlarms, row: Rect,
        buffer: inout CellBuffer, context: RenderContext
    ) {
        let glyphs = context.glyphs
        let plainRole: StyleRole = isSelected ? .selected : .label
        let plainAttributes: TextAttributes = isSelected ? [.reverse, .bold] : .bold
        var role = plainRole
        var attributes = plainAttributes
        var right: [Segment] = []
        if let priority = alarms.priority {
            // The row stays in the priority's colour; only the marker flashes. Redrawing
            // the whole row at 2 Hz cost most of the bytes the station writes (BENCHMARKS.md).
            let flashing = AlarmStyle.flashes(priority, isFlashing: alarms.needsAttention, context: context)
            role = AlarmStyle.role(for: priority)
            attributes = AlarmStyle.attributes(for: priority)
            right.append(AlarmStyle.markerSegment(priority, flashing: flashing))
        }
        if summary.isSimulated { right.append(Segment("SIM", role: .simulated, attributes: .reverse)) }
        buffer.fill(row, with: Cell(" ", role: role, attributes: attributes))
        let mark = isSelected ? glyphs.selectionMark : " "
        var left = [Segment(mark + summary.label, role: plainRole, attributes: plainAttributes)]
        if !isSelected { left[0] = Segment(mark + summary.label, role: role, attributes: attributes) }
        left.append(Segment(summary.patient ?? "free", role: role, attributes: attributes))
        if let phase = summary.phase {
            // The phase always shows: in full when it fits beside the alarm marker, else
            // shortened; the `CADSS` due marker gives way before the phase does.
            let due = summary.scoreDue.map { [Segment($0, role: .pending, attributes: [.bold, .underline])] } ?? []
            choosing: for extra in due.isEmpty ? [[]] : [due, []] {
                let candidate = extra + right
                for label in [phase.label, phase.shortLabel] {
                    let withPhase = left + [Segment(label, role: role, attributes: attributes)]
                    if candidate.isEmpty || TileAlarms.width(of: withPhase) + 1 + TileAlarms.width(of: candidate) <= row.width {
                        left = withPhase
                        right = candidate
                        break choosing
                    }
                }
            }
        }
        buffer.drawRow(left, right: right, in: row, glyphs: glyphs)
    }

    typealias Row = (left: [Segment], right: [Segment])

    static func rows(
        _ summary: ChairSummary, chair: ChairState, style: TileStyle, width: Int, alarms: TileAlarms,
        context: RenderContext
    ) -> [Row] {
        let glyphs = context.glyphs
        let links = summary.links.map { $0.segment(glyphs: glyphs) }
        let elapsed = Segment(summary.elapsed ?? "")
        let dose = Segment(summary.dose ?? "")
        let heartRate = alarms.highlighted(summary.heartRate.segment(prefix: "HR ", glyphs: glyphs), kinds: [.heartRate])
        let spo2 = alarms.highlighted(summary.spo2.segment(prefix: "SpO2 ", glyphs: glyphs), kinds: [.spo2])
        let respiratory = alarms.highlighted(
            summary.respiratoryRate.segment(prefix: "RR ", glyphs: glyphs), kinds: [.respiratoryRate])
        let etco2 = alarms.highlighted(summary.etco2.segment(prefix: "EtCO2 ", glyphs: glyphs), kinds: [.etco2])
        let pressure = alarms.highlighted(
            summary.bloodPressure.segment(prefix: "BP ", glyphs: glyphs), kinds: [.systolic, .diastolic, .meanPressure])
        let rate = rateSegments(summary, glyphs: glyphs)
        // A pending command sits beside the reported rate and must never be clipped: it
        // takes the place of the elapsed time (compact: of the trend), which moves down.
        let pending = summary.pending.map { [Segment($0, role: .pending, attributes: [.bold, .underline])] } ?? []
        let linksWidth = TileAlarms.width(of: links)
        let alarmLine = alarms.hasLine ? alarms.line(width: width - linksWidth - (links.isEmpty ? 0 : 1)) : nil
        guard summary.patient != nil else {
            return [(alarmLine ?? [Segment("no session", role: .dim)], links)]
        }
        switch style {
        case .compact:
            let used = pressure.width + respiratory.width + etco2.width + 3
            if !pending.isEmpty {
                return [
                    (alarmLine ?? [elapsed, dose], links),
                    (rate + pending, []),
                    ([heartRate, spo2, pressure, respiratory, etco2], []),
                ]
            }
            return [
                (alarmLine ?? [elapsed, dose], links),
                (rate + [heartRate, spo2], []),
                ([pressure, respiratory, etco2, trend(.heartRate, chair: chair, width: width - used - 1, context: context)], []),
            ]
        case .regular, .large:
            var rows: [Row] = [
                ([elapsed] + rate, []),
                ([Segment("Dose " + (summary.dose ?? ""))], links),
                ([heartRate, spo2, respiratory, etco2], []),
                ([pressure, Segment("HR", role: .label),
                  trend(.heartRate, chair: chair, width: width - pressure.width - 5, context: context)], []),
            ]
            if !pending.isEmpty {
                rows[0] = (rate + pending, [])
                rows[1] = ([elapsed, Segment("Dose " + (summary.dose ?? ""))], links)
            }
            if let alarmLine {
                rows[1] = (alarmLine, links)
                rows[3] = ([pressure, Segment((pending.isEmpty ? "" : summary.elapsed.map { $0 + " " } ?? "")
                                              + "Dose " + (summary.dose ?? ""))], [])
            }
            if style == .large {
                rows[3] = alarmLine == nil ? ([pressure], []) : rows[3]
                rows.append(([Segment("HR  ", role: .label), trend(.heartRate, chair: chair, width: width - 5, context: context)], []))
                let readings = NIBPHistory.text(for: chair, width: width - 5, timeZone: context.timeZone)
                rows.append(([Segment("NIBP", role: .label), Segment(readings ?? "none yet", role: readings == nil ? .dim : .text)], []))
            }
            return rows
        }
    }

    /// `0.75mg/kg/h 60.0mL/h` when the pump delivers, `pump PAUSED` when it does not.
    static func rateSegments(_ summary: ChairSummary, glyphs: GlyphSet) -> [Segment] {
        var segments: [Segment] = []
        if let status = summary.pumpStatus {
            let stopped = summary.flow == nil
            segments.append(Segment(stopped ? "pump " + status : status, role: .label, attributes: .bold))
        }
        if let doseRate = summary.doseRate { segments.append(doseRate.segment(glyphs: glyphs)) }
        if let flow = summary.flow { segments.append(flow.segment(glyphs: glyphs)) }
        return segments
    }

    /// A sparkline of the last `width` minutes of `kind` (or the last readings, for NIBP).
    static func trend(_ kind: VitalKind, chair: ChairState, width: Int, context: RenderContext) -> Segment {
        guard width > 1, let series = chair.trends[kind] else { return Segment("") }
        let values: [Double?] = kind.isEpisodic
            ? series.recentValues(width).map { Optional($0) }
            : Sparkline.minuteValues(series, width: width, now: context.now)
        let text = Sparkline.text(values, glyphs: context.glyphs, minimumSpan: Sparkline.minimumSpan(for: kind))
        return Segment(text, role: .sparkline)
    }
}
