import Foundation
import Testing
import TestSupport

/// kill -9 the real program after an operator action was shown as accepted; the action
/// must be in the journal, the chain must verify, and a restart must resume from it.
@Suite("End to end: the journal survives kill -9", .serialized, .enabled(if: TmuxSession.isAvailable))
struct JournalEndToEndTests {
    let binary = BuiltProduct.infusionCentral()
    let home: URL
    let database: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ic-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        database = home.appendingPathComponent("data/journal.sqlite")
    }

    func start() throws -> TmuxSession {
        let themes = BuiltProduct.themesDirectory
        return try TmuxSession(
            arguments: [binary, "--seed", "11", "--no-sound", "--themes-dir", themes, "--db", database.path],
            environment: BuiltProduct.isolatedEnvironment(home: home))
    }

    func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await ProgramRun.run(binary, arguments, home: home)
    }

    func killHard() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        // The pattern matches the program's own command line, not the shell that started it
        // (whose line quotes each argument), so the pane survives to report the exit status.
        process.arguments = ["-KILL", "-f", "debug/infusion-central --seed 11 .*\(database.path)"]
        try process.run()
        process.waitUntilExit()
    }

    /// Whether the program under test has gone (polls pgrep; a real wait, bounded at 10 s).
    func waitUntilGone() async throws -> Bool {
        let end = Date().addingTimeInterval(10)
        repeat {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
            process.arguments = ["-f", "debug/infusion-central --seed 11 .*\(database.path)"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { return true }
            try await Task.sleep(for: .milliseconds(100))  // a real wait: another process is being killed
        } while Date() < end
        return false
    }

    @Test("An accepted action survives kill -9; the chain verifies; the restart resumes the sessions")
    func killNine() async throws {
        let first = try start()
        defer { first.close() }
        await first.waitFor { $0.contains("CHAIR-08") && $0.contains("mL/h") }
        try first.send("s")
        let paused = await first.waitFor("AUDIO PAUSED")
        #expect(paused.contains("AUDIO PAUSED"), "the pause is shown as accepted:\n\(paused)")
        try killHard()
        #expect(try await waitUntilGone(), "the program was killed")

        let verify = try await run(["audit", "verify", "--db", database.path])
        #expect(verify.status == 0, "\(verify.output)")
        let log = try await run(["audit", "log", "--db", database.path])
        #expect(log.status == 0)
        #expect(log.output.localizedCaseInsensitiveContains("pause"), "the accepted action is in the journal:\n\(log.output)")

        let second = try start()
        defer { second.close() }
        let resumed = await second.waitFor { $0.contains("CHAIR-08") && $0.contains("AUDIO PAUSED") }
        #expect(resumed.contains("AUDIO PAUSED"), "the pause is still in force after the restart:\n\(resumed)")
        try second.send("1")
        try second.send("Enter")
        let detail = await second.waitFor("Resumed after restart")
        #expect(detail.contains("Resumed after restart; gap"), "the open session was resumed, with its gap:\n\(detail)")
        try second.send("Escape")
        try second.send("q")
        await second.waitFor("(y/n)")
        try second.send("y")
        #expect(await second.waitFor("EXITED:").contains("EXITED:0"))
        let after = try await run(["audit", "verify", "--db", database.path])
        #expect(after.status == 0, "the chain still verifies after the second run:\n\(after.output)")
    }

    @Test("audit verify fails after a row is edited with the sqlite3 shell")
    func tamper() async throws {
        let session = try start()
        await session.waitFor { $0.contains("CHAIR-08") && $0.contains("mL/h") }
        try session.send("q")
        await session.waitFor("(y/n)")
        try session.send("y")
        await session.waitFor("EXITED:")
        session.close()
        #expect(try await run(["audit", "verify", "--db", database.path]).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            table = [r[0] for r in db.execute("select name from sqlite_master where type='table'") if 'event' in r[0]][0]
            column = [r[1] for r in db.execute(f"pragma table_info({table})") if r[1] == 'payload'][0]
            db.execute(f"update {table} set {column} = replace({column}, 'CHAIR', 'CHAIX') where rowid = (select rowid from {table} limit 1 offset 5)")
            db.commit()
            """, database.path]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let verify = try await run(["audit", "verify", "--db", database.path])
        #expect(verify.status == 1, "\(verify.output)")
    }
}
