import CursesTerminal
import Foundation
import InfusionCore
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
        let model = ClinicModel(bus: runtime.bus, onPublish: terminal.wakePipe.makeWakeUp())
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
        while terminal.receivedSignal == nil {
            if model.update(at: runtime.clock.now(), freshness: runtime.configuration.freshness) > 0 { needsDraw = true }
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
                    }
                }
            }
            let now = runtime.clock.now()
            let second = now.timeIntervalSince1970.rounded(.down)
            if second != lastDrawnSecond { needsDraw = true }
            if needsDraw {
                if buffer.width != terminal.size.columns || buffer.height != terminal.size.rows {
                    buffer = CellBuffer(width: terminal.size.columns, height: terminal.size.rows)
                }
                let context = RenderContext(now: now, glyphs: glyphs, freshness: runtime.configuration.freshness)
                renderer.render(clinic: model.state, screen: screen, context: context, into: &buffer)
                terminal.present(buffer, theme: theme)
                lastDrawnSecond = second
                needsDraw = false
            }
            if let exitAfter = options.exitAfter, Date().timeIntervalSince(startedAt) >= exitAfter { return }
            let readiness = terminal.waitForInput(timeoutMilliseconds: millisecondsToNextSecond(now))
            if readiness.contains(.hangUp) { return }
        }
    }

    /// Real milliseconds until the displayed clock's next second (at least 10 ms).
    private func millisecondsToNextSecond(_ now: Date) -> Int32 {
        let speed = runtime.configuration.simulation?.speed ?? 1
        let fraction = now.timeIntervalSince1970 - now.timeIntervalSince1970.rounded(.down)
        let realSeconds = (1 - fraction) / max(speed, 0.001)
        return Int32(max(10, min(1000, (realSeconds * 1000).rounded(.up))))
    }
}
