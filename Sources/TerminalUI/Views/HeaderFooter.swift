public import InfusionCore

/// The board's top row: clinic name, clock, active chairs, and the simulation banner.
public enum Header {
    public static func render(clinic: ClinicState, context: RenderContext, row: Rect, buffer: inout CellBuffer) {
        buffer.fill(row, with: Cell(" ", role: .header, attributes: .bold))
        let left = [
            Segment(clinic.clinicName, role: .header, attributes: .bold),
            Segment(context.timeOfDay(context.now), role: .header, attributes: .bold),
            Segment("Active \(clinic.activeChairCount)/\(clinic.chairs.count)", role: .header, attributes: .bold),
        ]
        let right = clinic.hasSimulatedDevices
            ? [Segment("SIMULATED DEVICES", role: .simulated, attributes: [.reverse, .bold])] : []
        buffer.drawRow(left, right: right, in: row, glyphs: context.glyphs)
    }
}

/// The bottom row: the operator message, if any, then the key legend from the `KeyMap`.
public enum Footer {
    public static func render(message: String?, keyMap: KeyMap, row: Rect, buffer: inout CellBuffer, glyphs: GlyphSet) {
        buffer.fill(row, with: Cell(" ", role: .footer))
        var segments: [Segment] = []
        if let message { segments.append(Segment(message + " |", role: .footer, attributes: .bold)) }
        segments.append(Segment(keyMap.legend(glyphs: glyphs), role: .footer))
        buffer.drawRow(segments, in: row, glyphs: glyphs)
    }
}
