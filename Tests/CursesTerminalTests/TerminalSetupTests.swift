import Glibc
import Testing
@testable import CursesTerminal

@Suite("Terminal set-up without a terminal")
struct TerminalSetupTests {
    private func makePipe() -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        #expect(pipe(&descriptors) == 0)
        return (descriptors[0], descriptors[1])
    }

    @Test("a pipe is not a terminal: a clear error with exit code 64, before curses starts")
    func notATerminal() {
        let (readEnd, writeEnd) = makePipe()
        defer { close(readEnd); close(writeEnd) }
        #expect(throws: TerminalError.notATerminal(stream: "standard input")) {
            try TerminalPreflight.check(input: readEnd, output: writeEnd, environment: ["TERM": "xterm"])
        }
        #expect(TerminalError.notATerminal(stream: "standard input").exitCode == 64)
        #expect(TerminalError.notATerminal(stream: "standard input").message.contains("not a terminal"))
    }

    @Test("starting with stdin not a terminal throws and leaves the terminal alone")
    func startWithoutTerminal() throws {
        guard isatty(0) == 0 else { return }  // only meaningful under `swift test` in CI
        let terminal = try CursesTerminal(environment: ["TERM": "xterm"])
        #expect(throws: TerminalError.self) { try terminal.start() }
        #expect(!terminal.isStarted)
        terminal.stop()
        terminal.stop()  // twice is fine
    }

    @Test("missing or unknown TERM, and system failures, suggest config and OS exit codes")
    func exitCodes() {
        #expect(TerminalError.terminalTypeMissing.exitCode == 78)
        #expect(TerminalError.unknownTerminalType("vt9000").exitCode == 78)
        #expect(TerminalError.unknownTerminalType("vt9000").message.contains("TERM=vt9000"))
        #expect(TerminalError.systemCallFailed(call: "pipe", errno: 24).exitCode == 71)
    }

    @Test("NO_COLOR counts only when not empty; UTF-8 code sets are recognised")
    func environment() {
        #expect(TerminalPreflight.isNoColorRequested(environment: ["NO_COLOR": "1"]))
        #expect(!TerminalPreflight.isNoColorRequested(environment: ["NO_COLOR": ""]))
        #expect(!TerminalPreflight.isNoColorRequested(environment: [:]))
        #expect(TerminalPreflight.isUTF8(codeset: "UTF-8"))
        #expect(TerminalPreflight.isUTF8(codeset: "utf8"))
        #expect(!TerminalPreflight.isUTF8(codeset: "ANSI_X3.4-1968"))
        #expect(!TerminalPreflight.isUTF8(codeset: "ISO-8859-1"))
    }
}
