import Foundation
import Testing
import TestSupport

/// Dose control in the real binary, in a real terminal (tmux) at 120x40: `+` on an infusing
/// chair asks for a sign-in, shows old → new in both units, and after `Enter` the tile says
/// `→ 0.80 pending` until the simulated pump reports the new rate. A nurse is refused.
///
/// Every wait here is a real one (`TmuxSession.waitFor`, bounded): the program under test
/// is another process, and the pump's confirmation arrives on its own clock.
@Suite("End to end: dose control in tmux", .serialized, .enabled(if: TmuxSession.isAvailable))
struct DoseControlEndToEndTests {
    let binary = BuiltProduct.infusionCentral()
    let home: URL
    let database: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ic-dose-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        database = home.appendingPathComponent("journal.sqlite")
    }

    var environment: [String: String] { BuiltProduct.isolatedEnvironment(home: home) }

    /// Eight simulated chairs at real-time speed with the demo users, on its own journal.
    /// The pumps take 6 s to apply a command (the demo's 2 s), so that a loaded CI machine
    /// polling the screen still sees the `pending` window.
    func writeClinic() throws -> URL {
        let url = home.appendingPathComponent("clinic.toml")
        let chairs = (1...8).map { "[[chair]]\nid = \"CHAIR-0\($0)\"\n" }.joined(separator: "\n")
        try ("[clinic]\nname = \"E2E Dose Clinic\"\n\n" + chairs + """

            [simulation]
            seed = 7
            pump_command_delay = "6s"

            """ + DemoUsersTOML.entries).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func start() throws -> TmuxSession {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build the package first: \(binary)")
        let themes = BuiltProduct.themesDirectory
        return try TmuxSession(
            arguments: [binary, "--config", try writeClinic().path, "--themes-dir", themes, "--no-sound", "--db", database.path],
            width: 120, height: 40, environment: environment)
    }

    /// Runs a subcommand of the binary (`audit log`, `report`) and returns its status and output.
    func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await ProgramRun.run(binary, arguments, home: home)
    }

    /// Quits (answering the question asked while sessions are active) and expects a clean exit.
    func quit(_ session: TmuxSession) async throws {
        try session.send("q")
        await session.waitFor("(y/n)")
        try session.send("y")
        let exited = await session.waitFor("EXITED:")
        #expect(exited.contains("EXITED:0"), "the program exits cleanly:\n\(exited)")
    }

    /// Infusing chairs with at least ten minutes left (the change must not race the end of
    /// the infusion), those without an alarm first, once the board shows one.
    func infusingChairs(_ session: TmuxSession) async -> [Int] {
        var found: [Int] = []
        await session.waitFor(deadline: 30) { screen in
            let infusing = (1...8).filter { number in
                let tile = BoardTile.lines(of: number, in: screen)
                guard tile.count >= 2, tile[0].contains(" INF"),
                    let clock = tile[1].firstMatch(of: /(\d\d):\d\d\/(\d\d):\d\d +\d+\.\d\dmg\/kg\/h +\d+\.\dmL\/h/),
                    let elapsed = Int(clock.1), let planned = Int(clock.2)
                else { return false }
                return planned - elapsed >= 10
            }
            let alarmed = infusing.filter { BoardTile.lines(of: $0, in: screen)[0].contains("!!") }
            found = infusing.filter { !alarmed.contains($0) } + alarmed
            return !found.isEmpty
        }
        return found
    }

    @Test("A physician raises the rate: sign in, confirm old → new, pending, then the pump's new rate")
    func physicianRaisesRate() async throws {
        let session = try start()
        defer { session.close() }
        var chosen: (number: Int, review: String)?
        for number in await infusingChairs(session) {
            try session.send(String(number))
            try session.send("+")
            let opened = await session.waitFor(deadline: 10) { $0.contains("Sign in to raise the rate") || $0.contains("change rate") }
            if opened.contains("Sign in to raise the rate") {
                let signIn = opened
                #expect(signIn.contains("ID") && signIn.contains("PIN"), "+ while signed out opens the sign-in box:\n\(signIn)")
                try session.type("dr.demo")
                try session.send("Enter")
                try session.type("2468")
                try session.send("Enter")
            }
            // The PIN check (PBKDF2) and the replayed `+` run in the program: a real wait.
            let dialog = await session.waitFor { screen in
                screen.contains("CHAIR-0\(number): change rate") && (screen.contains("Enter confirms") || screen.contains("Nothing changed"))
            }
            if dialog.contains("Enter confirms") {
                chosen = (number, dialog)
                break
            }
            Issue.record("+ on CHAIR-0\(number) offered no rate change:\n\(dialog)")
            break
        }
        let (number, review) = try #require(chosen, "+ offered a rate change on an infusing chair:\n\(session.capture())")
        let chair = "CHAIR-0\(number)"
        #expect(review.contains("Rate ") && review.contains("mg/kg/h"), "\(review)")
        let rates = try #require(review.firstMatch(of: /Rate (\d+\.\d\d) → (\d+\.\d\d) mg\/kg\/h/),
                                 "old → new in mg/kg/h:\n\(review)")
        let flows = try #require(review.firstMatch(of: /Pump (\d+\.\d) → (\d+\.\d) mL\/h/), "old → new in mL/h:\n\(review)")
        let (oldRate, newRate, newFlow) = (String(rates.1), String(rates.2), String(flows.2))
        #expect(Double(newRate)! > Double(oldRate)!, "+ raises the rate:\n\(review)")
        #expect(Double(flows.2)! > Double(flows.1)!, "and the pump's mL/h with it:\n\(review)")
        #expect(review.contains("By Dr. Demo Physician"), "the confirmation names who orders:\n\(review)")
        #expect(review.contains("mg/mL") && review.contains("kg"), "concentration and weight used:\n\(review)")
        #expect(review.contains("Signed in") || review.contains("dr.demo"), "the header shows who is signed in:\n\(review)")

        try session.send("Enter")
        // The simulated pump applies a command after a short delay: the tile must claim
        // only `pending` meanwhile, so this polls (bounded) for that window.
        let pending = await session.waitFor(deadline: 10) { screen in
            BoardTile.lines(of: number, in: screen).contains { $0.contains("→ \(newRate) pending") }
        }
        let pendingTile = BoardTile.lines(of: number, in: pending)
        #expect(pendingTile.contains { $0.contains("→ \(newRate) pending") && $0.contains("\(oldRate)mg/kg/h") },
                "the tile shows the old rate with the new one pending:\n\(pending)")

        // Then the pump reports the new rate (its own delay, default timeout 10 s): a real wait.
        let confirmed = await session.waitFor(deadline: 20) { screen in
            let tile = BoardTile.lines(of: number, in: screen)
            return !tile.isEmpty && !tile.contains { $0.contains("pending") }
                && tile.contains { $0.contains("\(newRate)mg/kg/h") }
        }
        let tile = BoardTile.lines(of: number, in: confirmed)
        #expect(!tile.contains { $0.contains("pending") }, "pending clears once the pump confirms:\n\(confirmed)")
        #expect(tile.contains { $0.contains("\(newRate)mg/kg/h \(newFlow)mL/h") },
                "the tile shows the pump's new rate in both units:\n\(confirmed)")
        #expect(!tile.contains { $0.contains("NOT CONFIRMED") || $0.contains("not confirmed") }, "\(confirmed)")
        try await quit(session)

        let log = try await run(["audit", "log", "--db", database.path, "--chair", chair])
        #expect(log.status == 0, "\(log.output)")
        let orders = log.output.split(separator: "\n").filter { $0.contains(/(?i)rate ?change/) }
        #expect(!orders.isEmpty, "the audit log lists the rate change:\n\(log.output)")
        #expect(orders.contains { $0.contains("dr.demo") && $0.contains(oldRate) && $0.contains(newRate) },
                "the audit log says who changed the rate, old -> new:\n\(log.output)")

        // The session report carries who ordered the change and that the pump confirmed it.
        let sessionID = try #require(orders.first.flatMap { line in
            line.split(separator: " ", omittingEmptySubsequences: true).first { $0.hasPrefix("\(chair)-") }
        }, "the audit line names the session:\n\(log.output)")
        let report = try await run(["report", String(sessionID), "--format", "text", "--db", database.path])
        #expect(report.status == 0, "\(report.output)")
        #expect(report.output.contains("\(oldRate) → \(newRate) mg/kg/h"), "\(report.output)")
        #expect(report.output.contains("by dr.demo (Dr. Demo Physician, Physician)"), "\(report.output)")
        #expect(report.output.contains("confirmed by pump"), "\(report.output)")
    }

    @Test("A nurse may not raise the rate: refused with the reason; nothing is pending")
    func nurseIsRefused() async throws {
        let session = try start()
        defer { session.close() }
        let number = try #require(await infusingChairs(session).first, "an infusing chair on the board:\n\(session.capture())")
        try session.send(String(number))
        try session.send("+")
        await session.waitFor("Sign in to raise the rate")
        try session.type("rn.demo")
        try session.send("Enter")
        try session.type("1357")
        try session.send("Enter")

        // The PIN check and the replayed `+` run in the program: a real wait.
        let refused = await session.waitFor { $0.contains("Only a physician may raise the rate") && $0.contains("Nothing changed") }
        #expect(refused.contains("Only a physician may raise the rate"), "the nurse is refused, saying why:\n\(refused)")
        #expect(refused.contains("Nothing changed"), "\(refused)")
        #expect(!refused.contains("Enter confirms"), "no confirmation is offered:\n\(refused)")
        #expect(refused.contains("rn.demo"), "the nurse is signed in (header):\n\(refused)")

        try session.send("Escape")
        let closed = await session.waitFor { !$0.contains("Only a physician") }
        #expect(!BoardTile.lines(of: number, in: closed).contains { $0.contains("pending") },
                "nothing was ordered:\n\(closed)")
        try await quit(session)
    }
}

/// Reads one chair's tile off the 120x40 board: tiles are 40 columns wide, 7 rows high.
enum BoardTile {
    static let width = 40
    static let height = 7

    /// The tile rows of `CHAIR-0<number>` (header first), or [] when it is not on the screen.
    static func lines(of number: Int, in screen: String) -> [String] {
        let name = number < 10 ? "CHAIR-0\(number)" : "CHAIR-\(number)"
        let rows = screen.components(separatedBy: "\n").map(Array.init)
        for (index, row) in rows.enumerated() {
            // A tile header: the name one column after a tile's left edge (a space or `►` before it).
            guard let column = start(of: Array(name), in: row, where: { $0 % width == 1 }) else { continue }
            let left = column - 1
            return rows[index..<min(rows.count, index + height)].map { line in
                line.count > left ? String(line[left..<min(line.count, left + width)]) : ""
            }
        }
        return []
    }

    private static func start(of needle: [Character], in row: [Character], where accept: (Int) -> Bool) -> Int? {
        guard row.count >= needle.count else { return nil }
        return (0...(row.count - needle.count)).first { accept($0) && Array(row[$0..<($0 + needle.count)]) == needle }
    }
}
