public import Foundation
import InfusionCore

/// The `infusion-central sessions` table: one aligned line per session, oldest first.
///
/// ```
/// SESSION       ADMITTED          CHAIR     PATIENT                    STATUS  SIGNER
/// S-1           2025-03-14 08:00  CHAIR-01  Doe, Jane (MRN0001)        SIGNED  Dr. A. Lee
/// ```
public enum SessionListRenderer {
    /// The table with a header line, or `(no sessions)`; ends with a newline.
    public static func render(_ sessions: [SessionSummary], timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        guard !sessions.isEmpty else { return "(no sessions)\n" }
        let time = ReportTime(timeZone: timeZone)
        let rows = [["SESSION", "ADMITTED", "CHAIR", "PATIENT", "STATUS", "SIGNER"]] + sessions.map { summary in
            [
                summary.session.rawValue, String(time.dateTime(summary.admittedAt).prefix(16)), summary.chair.rawValue,
                "\(summary.patient.name) (\(summary.patient.mrn))", ReportWords.status(summary.status), summary.signer ?? "-",
            ].map(printable)
        }
        var widths = Array(repeating: 0, count: 6)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        let lines = rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Control characters from journal text shown as `?`, so a name cannot move the cursor.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}
