import CNcursesw
public import TerminalUI
import Glibc

// MARK: - Input

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` for a key, a wake-up (bus event, signal) or
    /// a resize. Returns at once with `.hangUp` if the terminal is gone: the loop
    /// must then stop rather than spin.
    public func waitForInput(timeoutMilliseconds: Int32) -> InputReadiness {
        InputPoller(inputDescriptor: STDIN_FILENO, wakePipe: wakePipe).wait(timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Reads every key waiting, without blocking (except up to 25 ms to tell a lone
    /// Esc from an escape sequence). A resize updates `size`, forces the next frame
    /// to repaint fully, and is returned as `.resize`.
    public func readKeys() -> [Key] {
        guard isStarted else { return [] }
        let window = cn_stdscr()
        wtimeout(window, 0)
        var keys: [Key] = []
        var value: wint_t = 0
        // A bound, so that a flood of input cannot starve drawing.
        for _ in 0..<256 {
            let status = wget_wch(window, &value)
            if status == ERR { break }
            let input: CursesInput = status == KEY_CODE_YES ? .keyCode(Int32(value)) : .character(UInt32(value))
            guard let key = KeyDecoder.key(for: input) else { continue }
            if key == .resize {
                readSize()
                invalidate()
            }
            keys.append(key)
        }
        return keys
    }
}
