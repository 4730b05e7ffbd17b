public import InfusionCore

/// One chair in full: pump program and state, concentrations, trends and events.
///
/// Opened with Enter on a tile. Trends are one labelled sparkline row per vital, a
/// column per minute with the newest on the right (gaps left blank, never filled in);
/// NIBP readings are listed each at its own time. The chair's alarms follow (active,
/// switched off, then history newest first; see `AlarmHistoryLines`), then the event
/// list, newest first, in whatever rows remain.
public enum DetailView {
    /// The continuous parameters drawn as minute trends, in this order.
    static let continuousKinds: [VitalKind] = [.heartRate, .spo2, .respiratoryRate, .etco2]
    /// Columns for a trend row's current value (`124/78(93) mmHg 14m`).
    static let valueWidth = 19

    /// Sparkline columns in a trend row: what is left after label, value and min/max.
    static func sparkWidth(_ width: Int) -> Int { max(0, width - 6 - 1 - valueWidth - 1 - 16) }

    /// Draws chair `id` of `clinic` into the whole of `buffer`.
    public static func render(
        chair id: ChairID, clinic: ClinicState, screen: ScreenState, context: RenderContext, keyMap: KeyMap,
        buffer: inout CellBuffer
    ) {
        guard buffer.width >= BoardLayout.minimumWidth, buffer.height >= BoardLayout.minimumHeight else {
            TooSmallView.render(buffer: &buffer, glyphs: context.glyphs)
            return
        }
        let glyphs = context.glyphs
        let bounds = buffer.bounds
        Header.render(clinic: clinic, context: context, row: bounds.row(0), buffer: &buffer)
        Footer.render(message: screen.message, keyMap: keyMap, row: bounds.row(bounds.height - 1), buffer: &buffer,
                      glyphs: glyphs)
        guard let chair = clinic[chair: id] else {
            buffer.drawRow([Segment("Chair \(id) is not configured", role: .label)], in: bounds.row(1), glyphs: glyphs)
            return
        }
        let summary = ChairSummary(
            chair: chair, clinic: clinic, now: context.now, policy: context.freshness, signOff: context.signOffRules)
        var lines: [(left: [Segment], right: [Segment])] = []
        lines.append(titleLine(summary, chair: chair, context: context))
        lines.append(pumpLine(chair: chair, summary: summary, glyphs: glyphs))
        lines.append(doseLine(chair: chair, summary: summary, glyphs: glyphs))
        lines.append(([Segment("Trends", role: .label, attributes: .underline),
                       Segment("one column per minute, newest right; NIBP at each reading", role: .dim)], []))
        let width = bounds.width
        for kind in continuousKinds {
            lines.append(trendLine(kind, chair: chair, clinic: clinic, width: width, context: context))
        }
        lines.append(nibpTrendLine(chair: chair, summary: summary, width: width, context: context))
        lines.append(nibpReadingsLine(chair: chair, width: width, context: context))
        let alarmLines = AlarmHistoryLines.lines(chair: chair, context: context)
        lines.append(([Segment("Alarms", role: .label, attributes: .underline),
                       Segment(alarmLines.isEmpty ? "none" : "active, then history (newest first)", role: .dim)], []))
        // Leave the events at least two rows: the alarm section takes what else is free.
        let free = bounds.height - 2 - lines.count - 1
        let alarmRows = min(alarmLines.count, max(1, free - 2))
        lines += alarmLines.prefix(alarmRows)
        if alarmRows < alarmLines.count, var last = lines.popLast() {
            last.right = [Segment("+\(alarmLines.count - alarmRows) more", role: .dim)]
            lines.append(last)
        }
        lines.append(([Segment("Events", role: .label, attributes: .underline), Segment("newest first", role: .dim)], []))
        for entry in chair.log.reversed() {
            lines.append(([Segment(context.timeOfDay(entry.time), role: .label), Segment(entry.text)], []))
        }
        for (index, line) in lines.enumerated() where index + 1 < bounds.height - 1 {
            buffer.drawRow(line.left, right: line.right, in: bounds.row(index + 1), glyphs: glyphs)
        }
    }

    // MARK: - Lines

    static func titleLine(_ summary: ChairSummary, chair: ChairState, context: RenderContext)
        -> (left: [Segment], right: [Segment]) {
        var left = [Segment(context.glyphs.selectionMark + summary.label, role: .selected, attributes: [.reverse, .bold]),
                    Segment(summary.patient ?? "free", attributes: .bold)]
        if let session = chair.isOccupied ? chair.session : nil {
            left.append(Segment(session.phase.label, attributes: .bold))
            left.append(Segment("infusion " + DurationText.clock(session.infusionElapsed(at: context.now))
                                + "/" + DurationText.clock(session.order.duration)))
            left.append(Segment("session " + DurationText.clock(session.sessionElapsed(at: context.now))))
            if session.phase == .observation || session.phase == .readyForDischarge {
                left.append(Segment(summary.elapsed ?? ""))
            }
        }
        let right = summary.isSimulated ? [Segment("SIM", role: .simulated, attributes: .reverse)] : []
        return (left, right)
    }

    static func pumpLine(chair: ChairState, summary: ChairSummary, glyphs: GlyphSet) -> (left: [Segment], right: [Segment]) {
        var left = [Segment("Pump", role: .label)]
        guard let pump = chair.pump else {
            left.append(Segment("no report", role: .dim))
            return (left, [])
        }
        let report = pump.lastReport
        left.append(Segment(pump.device.rawValue))
        left.append(Segment(report.status.label, attributes: .bold))
        if let doseRate = summary.doseRate { left.append(doseRate.segment(glyphs: glyphs)) }
        if let flow = summary.flow { left.append(flow.segment(glyphs: glyphs)) }
        left.append(Segment("vol \(report.volumeInfused)"))
        left.append(Segment("conc \(report.concentration)"))
        if let session = chair.session { left.append(Segment("wt \(session.weight)")) }
        return (left, [])
    }

    static func doseLine(chair: ChairState, summary: ChairSummary, glyphs: GlyphSet) -> (left: [Segment], right: [Segment]) {
        var left = [Segment("Dose", role: .label)]
        if let session = chair.isOccupied ? chair.session : nil {
            let perKilogram = DoseMath.dose(session.doseGiven, weight: session.weight)
            left.append(Segment("\(session.doseGiven.formatted)/\(session.plannedDose) "
                                + "(\(perKilogram.formatted)/\(session.order.dose))"))
        } else {
            left.append(Segment("--", role: .dim))
        }
        if let plasma = chair.plasmaConcentration, let effect = chair.effectSiteConcentration {
            left.append(Segment("Cp \(plasma)"))
            left.append(Segment("Ce \(effect)"))
        }
        return (left, summary.links.map { $0.segment(glyphs: glyphs) })
    }

    /// `HR    72 bpm      ▃▄▅▆▆▇   min 68 max 80`.
    static func trendLine(_ kind: VitalKind, chair: ChairState, clinic: ClinicState, width: Int, context: RenderContext)
        -> (left: [Segment], right: [Segment]) {
        let value = ChairSummary.vital(kind, chair: chair, clinic: clinic, now: context.now, policy: context.freshness)
        let valueSegment = valueSegment(value, unit: kind.unitSymbol, glyphs: context.glyphs)
        let sparkWidth = sparkWidth(width)
        var left = [Segment(pad(kind.rawValue, 6), role: .label), valueSegment]
        var right: [Segment] = []
        if let series = chair.trends[kind], !series.points.isEmpty {
            let values = Sparkline.minuteValues(series, width: sparkWidth, now: context.now)
            let text = Sparkline.text(values, glyphs: context.glyphs, minimumSpan: Sparkline.minimumSpan(for: kind))
            left.append(Segment(text, role: .sparkline))
            let shown = values.compactMap { $0 }
            if let low = shown.min(), let high = shown.max() {
                right.append(Segment("min \(kind.format(low)) max \(kind.format(high))", role: .dim))
            }
        }
        return (left, right)
    }

    /// Systolic per reading (one column each), with the latest `sys/dia(mean) age`.
    static func nibpTrendLine(chair: ChairState, summary: ChairSummary, width: Int, context: RenderContext)
        -> (left: [Segment], right: [Segment]) {
        let value = summary.bloodPressure
        var left = [Segment(pad("NIBP", 6), role: .label), valueSegment(value, unit: "mmHg", glyphs: context.glyphs)]
        var right: [Segment] = []
        if let series = chair.trends[.systolic], !series.points.isEmpty {
            let values = series.recentValues(sparkWidth(width))
            left.append(Segment(Sparkline.text(values, glyphs: context.glyphs, minimumSpan: 30), role: .sparkline))
            if let low = values.min(), let high = values.max() {
                right.append(Segment("SYS \(NumberText.whole(low))-\(NumberText.whole(high))", role: .dim))
            }
        }
        return (left, right)
    }

    /// The NIBP readings that fit, each with its time, newest on the right.
    static func nibpReadingsLine(chair: ChairState, width: Int, context: RenderContext)
        -> (left: [Segment], right: [Segment]) {
        guard let readings = NIBPHistory.text(for: chair, width: width - 7, timeZone: context.timeZone) else {
            return ([Segment(pad("", 6)), Segment("no NIBP reading yet", role: .dim)], [])
        }
        return ([Segment(pad("", 6)), Segment(readings)], [])
    }

    static func valueSegment(_ value: DisplayValue, unit: String, glyphs: GlyphSet) -> Segment {
        var shown = value
        shown.ageOnLink = false
        if !value.isMissing { shown.text += " " + unit }
        var segment = shown.segment(glyphs: glyphs)
        segment.text = pad(segment.text, valueWidth)
        return segment
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
