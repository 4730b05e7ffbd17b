import Foundation
import Testing
import TerminalUI
@testable import CursesTerminal

/// A check by eye (or by `tmux capture-pane`) that a buffer really reaches a terminal
/// with colours, that the diff path redraws, and that keys decode. Skipped unless
/// `CURSES_MANUAL_CHECK` is set, since it needs a real terminal:
///
/// ```sh
/// tmux new-session -d -s check -x 80 -y 24 \
///   "LANG=C.UTF-8 TERM=xterm-256color CURSES_MANUAL_CHECK=/tmp/keys.txt \
///    swift test --skip-build --filter ManualTerminalCheck"
/// tmux capture-pane -p -e -t check    # -e shows the colour escapes
/// tmux send-keys -t check Up F5 é q   # keys end up, decoded, in /tmp/keys.txt
/// ```
@Suite("Manual terminal check", .enabled(if: ProcessInfo.processInfo.environment["CURSES_MANUAL_CHECK"] != nil))
struct ManualTerminalCheck {
    @Test("draws a themed frame, redraws a change, and logs decoded keys until q")
    func drawAndRead() throws {
        let environment = ProcessInfo.processInfo.environment
        let logPath = environment["CURSES_MANUAL_CHECK"] ?? "/dev/null"
        let terminal = try CursesTerminal()
        try terminal.start()
        defer { terminal.stop() }
        var log = "size \(terminal.size.columns)x\(terminal.size.rows) utf8 \(terminal.isUTF8) "
            + "colours \(terminal.colorCount) pairs \(terminal.pairCount) depth \(terminal.colorDepth)\n"
        let theme = environment["CURSES_MANUAL_THEME"].flatMap { name in
            ThemeCatalog.load(directory: URL(fileURLWithPath: "themes")).theme(named: name)
        } ?? .default

        var frame = Self.frame(size: terminal.size, utf8: terminal.isUTF8, keys: "")
        terminal.present(frame, theme: theme)
        var typed = ""
        loop: for _ in 0..<600 {
            let ready = terminal.waitForInput(timeoutMilliseconds: 100)
            if ready.contains(.hangUp) || terminal.receivedSignal != nil { break }
            for key in terminal.readKeys() {
                log += "\(key)\n"
                if key == .character("q") { break loop }
                typed += "\(key) "
            }
            frame = Self.frame(size: terminal.size, utf8: terminal.isUTF8, keys: typed)
            terminal.present(frame, theme: theme)
        }
        try log.write(toFile: logPath, atomically: true, encoding: .utf8)
    }

    private static func frame(size: TerminalSize, utf8: Bool, keys: String) -> CellBuffer {
        var buffer = CellBuffer(width: size.columns, height: size.rows)
        buffer.fill(buffer.bounds.row(0), with: Cell(" ", role: .header))
        buffer.write(" Infusion Central - manual terminal check", x: 0, y: 0, role: .header)
        let samples: [(StyleRole, TextAttributes, String)] = [
            (.text, [], "text"), (.label, [], "label"), (.ok, [], "ok 98%"),
            (.stale, [], "stale 42s"), (.pending, [], "pending 0.50 mg/kg/h"),
            (.alarmHigh, [], " HIGH SpO2 88 "), (.alarmMedium, [], " MEDIUM HR 121 "),
            (.alarmLow, [], "low battery"), (.technical, [], "no data"),
            (.simulated, [], " SIMULATED "), (.selected, [], " selected row "),
            (.sparkline, [], utf8 ? "▁▂▃▄▅▆▇█" : "_.-=+*#@"), (.border, [], utf8 ? "┌──┐│└──┘" : "+--+|+--+"),
        ]
        for (index, sample) in samples.enumerated() {
            buffer.write("\(sample.0.rawValue):", x: 1, y: 2 + index, role: .label)
            buffer.write(sample.2, x: 16, y: 2 + index, role: sample.0, attributes: sample.1)
        }
        buffer.write("keys: " + keys, x: 1, y: size.rows - 2, role: .text)
        buffer.fill(buffer.bounds.row(size.rows - 1), with: Cell(" ", role: .footer))
        buffer.write(" q quit", x: 0, y: size.rows - 1, role: .footer)
        return buffer
    }
}
