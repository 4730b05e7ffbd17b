import InfusionCore

/// A chair's alarms as its tile shows them: the chair's priority for the header, the top
/// alarm's line, the values to highlight and the reminders for alarms switched off.
struct TileAlarms {
    /// The chair's priority, escalation included (nil: no active alarm).
    var priority: AlarmPriority?
    /// Whether the header flashes: some alarm is not yet acknowledged.
    var needsAttention: Bool
    /// Active alarms, highest priority then oldest first.
    var sorted: [ActiveAlarm]
    /// Parameters whose alarm is switched off, in display order.
    var off: [VitalKind]

    init(_ chair: ChairState, escalationCount: Int) {
        priority = chair.alarms.effectivePriority(escalationCount: escalationCount)
        needsAttention = AlarmStyle.needsAttention(chair.alarms)
        sorted = chair.alarms.sorted
        off = chair.alarms.disabled.keys.sorted()
    }

    /// Whether the tile needs its alarm line.
    var hasLine: Bool { !sorted.isEmpty || !off.isEmpty }

    /// The alarm line: `!!! SpO2 82<85 ACK +1 HR ALM OFF`, fitted into `width` columns.
    ///
    /// Every state stays visible: when the full reminders do not fit they shorten to
    /// `HR OFF`; `+N` counts the alarms not named.
    func line(width: Int) -> [Segment] {
        var head: [Segment] = []
        if let top = sorted.first {
            head += AlarmStyle.textSegments(top)
            if let state = AlarmStyle.stateSegment(top) { head.append(state) }
            if sorted.count > 1 { head.append(Segment("+\(sorted.count - 1)", role: .label, attributes: .bold)) }
        }
        let full = head + off.map { AlarmStyle.offReminder($0) }
        if Self.width(of: full) <= width { return full }
        return head + off.map { AlarmStyle.offReminder($0, short: true) }
    }

    /// The role and attributes a value of `kinds` is drawn in while alarming, if it is.
    func highlight(_ kinds: [VitalKind]) -> (role: StyleRole, attributes: TextAttributes)? {
        let matching = sorted.filter { alarm in alarm.key.vitalKind.map(kinds.contains) ?? false }
        guard let first = matching.first else { return nil }
        if first.category == .technical { return (.technical, .bold) }
        return (AlarmStyle.role(for: first.priority), .bold)
    }

    /// `segment` restyled when its parameter is alarming.
    func highlighted(_ segment: Segment, kinds: [VitalKind]) -> Segment {
        guard let style = highlight(kinds) else { return segment }
        return Segment(segment.text, role: style.role, attributes: style.attributes)
    }

    static func width(of segments: [Segment]) -> Int {
        var total = 0
        var drawn = 0
        for segment in segments where !segment.text.isEmpty {
            total += segment.width
            drawn += 1
        }
        return total + max(0, drawn - 1)
    }
}
