import ArgumentParser
import Foundation
import Reports

/// `infusion-central sessions`: every session in the journal with its date, chair,
/// patient, status (open, closed, signed) and signer.
struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List the journal's sessions: session ID, admission time, chair, patient, status, signer.")

    @Option(name: .long, help: "Journal database file (default: journal.sqlite in the user's data directory).")
    var db: String?

    @Option(name: .customLong("time-zone"), help: "Time zone for times (e.g. Europe/Paris; default: this machine's).")
    var timeZone: String?

    func validate() throws {
        _ = try ReportCommandSupport.timeZone(timeZone)
    }

    func run() throws {
        do {
            let loader = try SessionReportLoader(databasePath: Audit.databaseURL(db))
            print(SessionListRenderer.render(try loader.sessions(), timeZone: try ReportCommandSupport.timeZone(timeZone)), terminator: "")
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("sessions: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Shared option handling for `sessions` and `report`.
enum ReportCommandSupport {
    /// The named time zone, or this machine's.
    static func timeZone(_ name: String?) throws -> TimeZone {
        guard let name else { return .current }
        guard let zone = TimeZone(identifier: name) else {
            throw ValidationError("--time-zone \(name) is not a known time zone (e.g. UTC, Europe/Paris)")
        }
        return zone
    }
}
