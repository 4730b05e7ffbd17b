import Foundation
import InfusionCore
import TestSupport
import Testing
@testable import Reports

@Suite("Report formats")
struct ReportRenderingTests {
    static let utc = TimeZone(identifier: "UTC")!

    @Test("JSON matches the golden file exactly and decodes back to the same report")
    func jsonGolden() throws {
        let (journal, report) = try SessionReportLoaderTests.signedReport()
        let json = ReportFormat.json.render(report)
        #expect(GoldenFile("session-report.json").mismatch(json) == nil)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(SessionReport.self, from: Data(json.utf8))
        #expect(ReportFormat.json.render(decoded) == json)
        _ = journal
    }

    @Test("text matches the golden file")
    func textGolden() throws {
        let (journal, report) = try SessionReportLoaderTests.signedReport()
        #expect(GoldenFile("session-report.txt").mismatch(ReportFormat.text.render(report, timeZone: Self.utc)) == nil)
        _ = journal
    }

    @Test("HTML is one self-contained page with the chart, the tables and the signature")
    func html() throws {
        let (journal, report) = try SessionReportLoaderTests.signedReport()
        let html = ReportFormat.html.render(report, timeZone: Self.utc)
        // The whole page too, so that a change to it is reviewed as a diff (and can be opened in a browser).
        #expect(GoldenFile("session-report.html").mismatch(html) == nil)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count == 2)
        for mark in ["class=\"hr\"", "class=\"spo2\"", "class=\"nibp\"", "class=\"rate\"", ">R1<", "A1 !!!", "A2 !!"] {
            #expect(html.contains(mark), "chart lacks \(mark)")
        }
        #expect(html.contains("O&#39;Brien, &lt;Ana&gt; &amp; &quot;Bo&quot;"))
        #expect(!html.contains("<Ana>"))
        #expect(!html.contains("<no>"))
        #expect(html.contains("0.75 → 0.90 mg/kg/h"))
        #expect(html.contains("52.9 → 63.5 mL/h"))
        #expect(Self.rows(in: html, table: "rate-changes") == 1)
        #expect(Self.rows(in: html, table: "alarms") == 2)
        #expect(Self.rows(in: html, table: "cadss") == 2)
        #expect(Self.rows(in: html, table: "interventions") == 1)
        #expect(Self.rows(in: html, table: "checklist") == 4)
        #expect(html.contains("Dr. A. Lee"))
        #expect(html.contains("✓ VERIFIES"))
        #expect(html.contains(report.signature?.recordHash ?? "-"))
        #expect(html.contains("SIMULATED DEVICES"))
        for external in ["<script", "src=", "href=", "@import", "url("] { #expect(!html.contains(external), "HTML has \(external)") }
        let body = String(html[try #require(html.range(of: "</style>")).upperBound...])
        #expect(body.firstMatch(of: /[^0-9A-Za-z]\.[0-9]/) == nil, "a number without its leading zero")
        _ = journal
    }

    @Test("CSV is one flat table with the documented header, numbers plain, text quoted")
    func csv() throws {
        let (journal, report) = try SessionReportLoaderTests.signedReport()
        let lines = ReportFormat.csv.render(report).components(separatedBy: "\r\n")
        #expect(lines.first == "section,index,time,field,value,unit")
        #expect(lines.contains("patient,,,name,\"O'Brien, <Ana> & \"\"Bo\"\"\","))
        #expect(lines.contains("rateChange,1,2025-03-14T08:20:00Z,newRate,0.9,mg/kg/h"))
        #expect(lines.contains("rateChange,1,2025-03-14T08:20:00Z,oldFlow,52.875,mL/h"))
        #expect(lines.contains("alarm,1,2025-03-14T08:35:00Z,acknowledgedBy,rn.kim,"))
        #expect(lines.contains("signature,,2025-03-14T09:43:00Z,verifies,yes,"))
        #expect(lines.dropFirst().filter { !$0.isEmpty }.allSatisfy { Self.fieldCount($0) == 6 })
        _ = journal
    }

    /// `<tr>` rows in the body of the table with `id`.
    static func rows(in html: String, table id: String) -> Int {
        guard let start = html.range(of: "<table id=\"\(id)\">"), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex)
        else { return 0 }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr><td").count - 1
    }

    /// Fields in one CSV line (quotes respected).
    static func fieldCount(_ line: String) -> Int {
        var count = 1, quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == ",", !quoted { count += 1 }
        }
        return count
    }
}
