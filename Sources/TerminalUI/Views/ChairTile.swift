public import InfusionCore

/// One chair on the board: a header row and up to six rows of values.
///
/// Header: selection mark, chair label, patient (or `free`), phase, and on the right
/// the alarm slot and `SIM`. Rows, by `TileStyle`:
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
/// The last column of the tile is left blank as the gutter between tiles.
public enum ChairTile {
    /// Draws `chair` (summarised as `summary`) into `rect`, clipped to it.
    ///
    /// - Parameter alarmMarker: the highest active alarm (`!!!`, `!!`, `!`) and its role;
    ///   the header keeps this slot on the right beside `SIM`, so alarms added later
    ///   have one place to go. Nil until alarms exist.
    public static func render(
        _ summary: ChairSummary, chair: ChairState, style: TileStyle, isSelected: Bool, in rect: Rect,
        buffer: inout CellBuffer, context: RenderContext, alarmMarker: Segment? = nil
    ) {
        let area = Rect(x: rect.x, y: rect.y, width: max(0, rect.width - 1), height: rect.height)
        buffer.fill(area)
        guard !area.isEmpty else { return }
        let glyphs = context.glyphs
        drawHeader(summary, isSelected: isSelected, alarmMarker: alarmMarker, row: area.row(0), buffer: &buffer,
                   glyphs: glyphs)
        let rows = self.rows(summary, chair: chair, style: style, width: area.width, context: context)
        for (index, row) in rows.enumerated() where index + 1 < area.height {
            buffer.drawRow(row.left, right: row.right, in: area.row(index + 1), glyphs: glyphs)
        }
    }

    /// The header row: `► CHAIR-01 A.T. 0001 INFUSING ... [alarm] SIM`.
    static func drawHeader(
        _ summary: ChairSummary, isSelected: Bool, alarmMarker: Segment?, row: Rect,
        buffer: inout CellBuffer, glyphs: GlyphSet
    ) {
        let role: StyleRole = isSelected ? .selected : .label
        let attributes: TextAttributes = isSelected ? [.reverse, .bold] : .bold
        buffer.fill(row, with: Cell(" ", role: role, attributes: attributes))
        let mark = isSelected ? glyphs.selectionMark : " "
        var left = [Segment(mark + summary.label, role: role, attributes: attributes)]
        left.append(Segment(summary.patient ?? "free", role: role, attributes: attributes))
        if let phase = summary.phase { left.append(Segment(phase.label, role: role, attributes: attributes)) }
        var right: [Segment] = []
        if let alarmMarker { right.append(alarmMarker) }
        if summary.isSimulated { right.append(Segment("SIM", role: .simulated, attributes: .reverse)) }
        buffer.drawRow(left, right: right, in: row, glyphs: glyphs)
    }

    typealias Row = (left: [Segment], right: [Segment])

    static func rows(_ summary: ChairSummary, chair: ChairState, style: TileStyle, width: Int, context: RenderContext)
        -> [Row] {
        let glyphs = context.glyphs
        let links = summary.links.map { $0.segment(glyphs: glyphs) }
        let elapsed = Segment(summary.elapsed ?? "")
        let dose = Segment(summary.dose ?? "")
        let heartRate = summary.heartRate.segment(prefix: "HR ", glyphs: glyphs)
        let spo2 = summary.spo2.segment(prefix: "SpO2 ", glyphs: glyphs)
        let respiratory = summary.respiratoryRate.segment(prefix: "RR ", glyphs: glyphs)
        let etco2 = summary.etco2.segment(prefix: "EtCO2 ", glyphs: glyphs)
        let pressure = summary.bloodPressure.segment(prefix: "BP ", glyphs: glyphs)
        let rate = rateSegments(summary, glyphs: glyphs)
        guard summary.patient != nil else {
            return [([Segment("no session", role: .dim)], links)]
        }
        switch style {
        case .compact:
            let used = pressure.width + respiratory.width + etco2.width + 3
            return [
                ([elapsed, dose], links),
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
            if style == .large {
                rows[3] = ([pressure], [])
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
