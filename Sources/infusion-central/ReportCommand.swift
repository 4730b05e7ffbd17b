import ArgumentParser
import Foundation
import InfusionCore
import Reports

/// `infusion-central report ID --format html|json|csv|text [--out FILE]`: one session's
/// record from the journal (see docs/report.md).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one session's report: html (one self-contained file), json, csv or text.")

    @Argument(help: "The session ID (`infusion-central sessions` lists them).")
    var id: String

    @Option(name: .long, help: "html, json, csv or text.")
    var format: String = "html"

    @Option(name: .long, help: "Write to this file (owner-only, mode 0600) instead of standard output.")
    var out: String?

    @Option(name: .long, help: "Journal database file (default: journal.sqlite in the user's data directory).")
    var db: String?

    @Option(name: .customLong("time-zone"), help: "Time zone for html and text (e.g. Europe/Paris; default: this machine's). JSON and CSV are UTC.")
    var timeZone: String?

    func validate() throws {
        do {
            _ = try ReportFormat(name: format)
        } catch {
            throw ValidationError("--format: \(error)")
        }
        _ = try ReportCommandSupport.timeZone(timeZone)
    }

    func run() throws {
        do {
            let loader = try SessionReportLoader(databasePath: Audit.databaseURL(db))
            let report = try loader.report(for: SessionID(id))
            let text = try ReportFormat(name: format).render(report, timeZone: try ReportCommandSupport.timeZone(timeZone))
            if let out {
                try write(text, to: URL(fileURLWithPath: out))
                FileHandle.standardError.write(Data("report: wrote \(out)\n".utf8))
            } else {
                print(text, terminator: "")
            }
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("report: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Writes the report readable by its owner only (it holds patient identifiers): a
    /// 0600 temporary file beside the target, renamed over it.
    private func write(_ text: String, to url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            FileHandle.standardError.write(Data("report: \(url.path) is a directory\n".utf8))
            throw ExitCode(1)
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
            rename(temporary.path, url.path) == 0
        else {
            try? FileManager.default.removeItem(at: temporary)
            FileHandle.standardError.write(Data("report: cannot write \(url.path)\n".utf8))
            throw ExitCode(1)
        }
    }
}
