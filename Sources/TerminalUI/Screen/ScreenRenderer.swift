public import InfusionCore

/// Renders a whole frame: `(ClinicState, ScreenState, RenderContext) -> CellBuffer`.
///
/// Immediate mode (after ratatui): nothing is kept between frames; the terminal layer
/// diffs the result against the last frame and writes only the changed cells.
public struct ScreenRenderer: Sendable {
    public var keyMap: KeyMap

    public init(keyMap: KeyMap = .standard) { self.keyMap = keyMap }

    /// A new `width`x`height` frame.
    public func frame(
        width: Int, height: Int, clinic: ClinicState, screen: ScreenState, context: RenderContext
    ) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        render(clinic: clinic, screen: screen, context: context, into: &buffer)
        return buffer
    }

    /// Draws the frame over the whole of `buffer` (reuse one buffer to avoid allocation).
    ///
    /// - Parameter resolvingFlash: false leaves flashing alarm markers marked instead of
    ///   lit or dark (`CellBuffer.resolveFlashing(at:)`): the app resolves one rendered frame
    ///   at each step of the flash. True (tests, one-off frames) gives the frame at `context.now`.
    public func render(
        clinic: ClinicState, screen: ScreenState, context: RenderContext, into buffer: inout CellBuffer,
        resolvingFlash: Bool = true
    ) {
        defer { if resolvingFlash { buffer.resolveFlashing(at: context) } }
        buffer.fill(buffer.bounds)
        switch screen.mode {
        case .board:
            BoardView.render(clinic: clinic, screen: screen, context: context, keyMap: keyMap, buffer: &buffer)
        case .detail(let chair):
            DetailView.render(chair: chair, clinic: clinic, screen: screen, context: context, keyMap: keyMap,
                              buffer: &buffer)
        }
        guard buffer.width >= BoardLayout.minimumWidth, buffer.height >= BoardLayout.minimumHeight else {
            // Too small for a box, but a pending question must still be seen before `y` quits.
            if screen.overlay == .quitConfirmation {
                buffer.fill(buffer.bounds.row(0), with: Cell(" ", role: .dialog))
                buffer.put(QuitDialog.question, x: 0, y: 0, role: .dialog, attributes: .bold, clip: buffer.bounds,
                           glyphs: context.glyphs)
            }
            return
        }
        switch screen.overlay {
        case .help: HelpOverlay.render(keyMap: keyMap, buffer: &buffer, glyphs: context.glyphs)
        case .quitConfirmation:
            QuitDialog.render(activeSessions: clinic.activeChairCount, buffer: &buffer, glyphs: context.glyphs)
        case .alarmList(let cursor):
            AlarmListOverlay.render(clinic: clinic, cursor: cursor, context: context, buffer: &buffer)
        case .alarmOff(let dialog):
            AlarmOffDialogView.render(dialog: dialog, clinic: clinic, buffer: &buffer, context: context)
        case .signIn(let dialog):
            SignInDialogView.render(dialog: dialog, buffer: &buffer, context: context)
        case .dose(let dialog):
            DoseDialogView.render(dialog: dialog, clinic: clinic, buffer: &buffer, context: context)
        case .form(let form):
            FormDialogView.render(form: form, clinic: clinic, buffer: &buffer, context: context)
        case nil: break
        }
    }
}
