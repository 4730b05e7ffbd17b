import Foundation
import Testing
import TestSupport

/// The real binary in a real terminal (tmux), as a new user would run it.
@Suite("End to end: the chair board in tmux", .serialized, .enabled(if: TmuxSession.isAvailable))
struct BoardEndToEndTests {
    let binary = BuiltProduct.infusionCentral()
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ic-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    var environment: [String: String] { BuiltProduct.isolatedEnvironment(home: home) }

    func start(width: Int = 80, height: Int = 24, _ arguments: [String] = []) throws -> TmuxSession {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build the package first: \(binary)")
        let themes = BuiltProduct.themesDirectory
        return try TmuxSession(
            arguments: [binary, "--seed", "7", "--themes-dir", themes] + arguments, width: width, height: height,
            environment: environment)
    }

    @Test("At 80x24 the demo shows all eight simulated chairs with every tile field")
    func boardShowsEveryChair() async throws {
        let session = try start()
        defer { session.close() }
        let screen = await session.waitFor { $0.contains("CHAIR-08") && $0.contains("mL/h") }
        for number in 1...8 { #expect(screen.contains("CHAIR-0\(number)"), "CHAIR-0\(number) missing:\n\(screen)") }
        #expect(screen.contains("SIMULATED DEVICES"))
        #expect(screen.contains("SIM"))
        for field in ["mg/kg/h", "mL/h", "mg", "HR", "SpO2", "RR", "/"] {
            #expect(screen.contains(field), "\(field) missing:\n\(screen)")
        }
        #expect(!screen.contains("+"), "no chair may be left out at 80x24:\n\(screen)")
    }

    @Test("Keys: select, detail, back, help, quit with confirmation")
    func keys() async throws {
        let session = try start()
        defer { session.close() }
        let first = await session.waitFor { $0.contains("CHAIR-08") && $0.contains("mL/h") }
        try session.send("Right")
        try session.send("Enter")
        let detail = await session.waitFor { $0.contains("Cp") && !$0.contains("CHAIR-08") }
        #expect(detail.contains("CHAIR-02"), "Right then Enter opens chair 2's detail:\n\(detail)")
        #expect(detail.contains("Ce"))
        try session.send("Escape")
        let back = await session.waitFor { $0.contains("CHAIR-08") }
        #expect(back.contains("CHAIR-01") && back.contains("CHAIR-08"))
        #expect(first != detail)
        try session.send("?")
        let help = await session.waitFor { $0.localizedCaseInsensitiveContains("help") && $0.contains("Esc") }
        #expect(help.contains("quit") || help.contains("Quit"), "help lists the keys:\n\(help)")
        try session.send("Escape")
        await session.waitFor { !$0.localizedCaseInsensitiveContains("keys and what they do") }
        try session.send("q")
        let question = await session.waitFor { $0.contains("(y/n)") }
        #expect(question.contains("Quit"), "q asks first while sessions are active:\n\(question)")
        try session.send("n")
        let stayed = await session.waitFor { !$0.contains("(y/n)") }
        #expect(stayed.contains("CHAIR-01"))
        try session.send("q")
        await session.waitFor("(y/n)")
        try session.send("y")
        let exited = await session.waitFor("EXITED:")
        #expect(exited.contains("EXITED:0"), "the program exits cleanly:\n\(exited)")
    }

    @Test("At 120x40 a 24-chair clinic fits; at 80x24 it shows a visible +N more")
    func largeClinic() async throws {
        let wide = try start(width: 120, height: 40, ["--chairs", "24"])
        defer { wide.close() }
        let screen = await wide.waitFor { $0.contains("CHAIR-24") }
        #expect(screen.contains("CHAIR-01") && screen.contains("CHAIR-24"), "all 24 at 120x40:\n\(screen)")
        let narrow = try start(["--chairs", "24"])
        defer { narrow.close() }
        let small = await narrow.waitFor { $0.contains("more") }
        #expect(small.contains("more"), "chairs that do not fit are counted:\n\(small)")
    }

    @Test("A terminal too small for the board says so instead of drawing garbage")
    func tooSmall() async throws {
        let session = try start(width: 40, height: 10)
        defer { session.close() }
        let screen = await session.waitFor { $0.localizedCaseInsensitiveContains("enlarge") }
        #expect(screen.localizedCaseInsensitiveContains("enlarge"))
    }
}
