import ArgumentParser
import ClinicApp
import Foundation
import Journal

/// `infusion-central audit`: checks and reads the journal's tamper-evident audit trail.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the journal's hash chain, or print its audit log.",
        subcommands: [Verify.self, Log.self])

    /// The journal the station writes by default: `journal.sqlite` in the user's data directory.
    static var defaultDatabasePath: String {
        AppPaths().dataDirectory.appendingPathComponent("journal.sqlite").path
    }

    /// The database to read: `--db`, else the default.
    static func databaseURL(_ explicit: String?) -> URL {
        URL(fileURLWithPath: explicit ?? defaultDatabasePath)
    }
}

extension Audit {
    /// Walks the whole chain; exit 0 with the count, or 1 with the first bad record.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Verify the whole hash chain: prints the count, or the first bad record and why (exit 0 or 1).")

        @Option(name: .long, help: "Journal database file (default: journal.sqlite in the user's data directory).")
        var db: String?

        func run() throws {
            do {
                let report = try JournalAudit.verify(databasePath: Audit.databaseURL(db))
                print(report.summary)
                if !report.isIntact { throw ExitCode(1) }
            } catch let error as JournalError {
                FileHandle.standardError.write(Data("audit verify: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    /// Prints the audit log readably: time, who, what, old -> new, reason.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Print the audit log (operator actions, admissions, phases, link changes), oldest first.")

        @Option(name: .long, help: "Journal database file (default: journal.sqlite in the user's data directory).")
        var db: String?

        @Option(name: .long, help: "Only this session (its ID).")
        var session: String?

        @Option(name: .long, help: "Only this chair (its ID, e.g. CHAIR-01).")
        var chair: String?

        func run() throws {
            do {
                let entries = try JournalAudit.operatorActions(databasePath: Audit.databaseURL(db), session: session, chair: chair)
                if entries.isEmpty { print("(no entries)") }
                for entry in entries { print(entry.line) }
            } catch {
                FileHandle.standardError.write(Data("audit log: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
