import CursesTerminal
import Foundation
import InfusionCore
import Journal
import Logging
import TerminalUI

/// The UI loop: the one thread that owns curses and the model.
///
/// Each turn it drains the bus into the model, handles keys, renders a whole frame into
/// a `CellBuffer` and lets `CursesTerminal` write only the changed cells. It sleeps in
/// `poll()` on stdin and the wake pipe (the bus writes a byte on every publish), so an
/// idle board costs nothing between the once-a-second clock redraws.
final class TerminalLoop {
    private let runtime: ClinicRuntime
    private let themes: ThemeCatalog
    private var theme: Theme
    private let options: RunOptions
    private let logger: Logger
    private let controller = ScreenController()
    private let renderer = ScreenRenderer()
    /// Who is at the keyboard. Sign-in with ID and PIN arrives with dose control (issue 3);
    /// until then actions are recorded against the station's login name.
    private let operatorName = "station:" + (ProcessInfo.processInfo.environment["USER"] ?? "operator")

    init(runtime: ClinicRuntime, themes: ThemeCatalog, theme: Theme, options: RunOptions, logger: Logger) {
        self.runtime = runtime
        self.themes = themes
        self.theme = theme
        self.options = options
        self.logger = logger
    }

    func run() -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
            try terminal.start()
        } catch {
            ClinicLauncher.printError(error.message)
            return error.exitCode
        }
        defer { terminal.stop() }
        if let monochrome = themes.theme(named: Theme.monochrome.name) { terminal.monochromeTheme = monochrome }
        let model = ClinicModel(
            bus: runtime.bus, initialState: runtime.recovered.state, onPublish: terminal.wakePipe.makeWakeUp())
        runtime.start()
        defer { runtime.stop() }
        loop(terminal: terminal, model: model)
        logger.info("stopped", metadata: ["signal": "\(terminal.receivedSignal.map(String.init) ?? "none")"])
        return 0
    }

    private func loop(terminal: CursesTerminal, model: ClinicModel) {
        let glyphs: GlyphSet = terminal.isUTF8 ? .unicode : .ascii
        let startedAt = Date()
        var screen = ScreenState(terminalWidth: terminal.size.columns, terminalHeight: terminal.size.rows)
        var buffer = CellBuffer(width: terminal.size.columns, height: terminal.size.rows)
        var lastDrawnSecond = -1.0
        var needsDraw = true
        var sound = AlarmSoundPlanner()
        let player = AlarmSoundPlayer(
            settings: options.noSound ? .off : runtime.configuration.alarms.sound, ringBell: { terminal.bell() },
            logger: logger)
        while terminal.receivedSignal == nil {
            if model.update(at: runtime.clock.now(), freshness: runtime.configuration.freshness) > 0 {
                needsDraw = true
                runtime.patients.update(from: model.state)
            }
            for key in terminal.readKeys() {
                needsDraw = true
                if key == .resize {
                    screen.terminalWidth = terminal.size.columns
                    screen.terminalHeight = terminal.size.rows
                    continue
                }
                let (next, effects) = controller.handle(key: key, screen: screen, clinic: model.state)
                screen = next
                for effect in effects {
                    switch effect {
                    case .quit:
                        return
                    case .cycleTheme:
                        theme = themes.theme(after: theme.name)
                        logger.info("theme \(theme.name)")
                    default:
                        if let action = OperatorActions.payload(
                            for: effect, operator: operatorName, state: model.state, now: runtime.clock.now()) {
                            runtime.submitOperatorAction(action)
                        }
                    }
                }
            }
            let messages = runtime.feedback.take()
            if let last = messages.last {
                screen.message = last
                needsDraw = true
            }
            let now = runtime.clock.now()
            if let priority = sound.next(for: model.state, at: now) { player.play(priority) }
            let second = (now.timeIntervalSince1970 * framesPerSecond(model.state)).rounded(.down)
            if second != lastDrawnSecond { needsDraw = true }
            if needsDraw {
                if buffer.width != terminal.size.columns || buffer.height != terminal.size.rows {
                    buffer = CellBuffer(width: terminal.size.columns, height: terminal.size.rows)
                }
                let context = RenderContext(
                    now: now, glyphs: glyphs, freshness: runtime.configuration.freshness,
                    timeZone: .current, flashing: runtime.configuration.alarms.flashing,
                    journalFailure: runtime.journalFailure)
                renderer.render(clinic: model.state, screen: screen, context: context, into: &buffer)
                terminal.present(buffer, theme: theme)
                lastDrawnSecond = second
                needsDraw = false
            }
            if let exitAfter = options.exitAfter, Date().timeIntervalSince(startedAt) >= exitAfter { return }
            let readiness = terminal.waitForInput(timeoutMilliseconds: millisecondsToNextFrame(now, state: model.state))
            if readiness.contains(.hangUp) { return }
        }
    }

    /// Frames per simulated second: 4 while an alarm flashes (high ~2 Hz), else 1 (the clock).
    private func framesPerSecond(_ state: ClinicState) -> Double {
        let context = RenderContext(now: runtime.clock.now(), flashing: runtime.configuration.alarms.flashing)
        return AlarmStyle.isAnimating(state, context: context) ? 4 : 1
    }

    /// Real milliseconds until the next frame is due (at least 10 ms, at most 1 s).
    private func millisecondsToNextFrame(_ now: Date, state: ClinicState) -> Int32 {
        let speed = runtime.configuration.simulation?.speed ?? 1
        let rate = framesPerSecond(state)
        let scaled = now.timeIntervalSince1970 * rate
        let fraction = scaled - scaled.rounded(.down)
        let realSeconds = (1 - fraction) / rate / max(speed, 0.001)
        return Int32(max(10, min(1000, (realSeconds * 1000).rounded(.up))))
    }
}
