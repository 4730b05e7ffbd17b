import Foundation
import GRDB
import InfusionCore
import Testing
@testable import Reports

@Suite("Signature binding in the report")
struct SignatureBindingTests {
    @Test("editing a signed field in the database makes the report say the signature does not verify")
    func tampered() throws {
        let journal = try ScriptedJournal(ReportFixtures.signedSession())
        let queue = try DatabaseQueue(path: journal.path.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE event SET payload = replace(payload, 'ondansetron 4 mg IV', 'ondansetron 8 mg IV') WHERE kind = 'interventionRecorded'")
            #expect(db.changesCount == 1)
        }
        try queue.close()
        let report = try SessionReportLoader(databasePath: journal.path).report(for: ReportFixtures.session)
        let signature = try #require(report.signature)
        #expect(!signature.verifies)
        #expect(signature.problem?.contains("binding broken") == true)
        let html = ReportFormat.html.render(report)
        #expect(html.contains("✗ DOES NOT VERIFY"))
        #expect(ReportFormat.text.render(report).contains("Binding:       DOES NOT VERIFY"))
        #expect(ReportFormat.csv.render(report).contains("signature,,2025-03-14T09:43:00Z,verifies,no,"))
    }

    @Test("an unsigned session's report says so")
    func unsigned() throws {
        var script = SessionScript()
        ReportFixtures.setup(&script)
        ReportFixtures.admit(&script, session: ReportFixtures.session, chair: ReportFixtures.chair, name: "Doe, Jane", mrn: "MRN0001", at: 1)
        let journal = try ScriptedJournal(script)
        let report = try SessionReportLoader(databasePath: journal.path).report(for: ReportFixtures.session)
        #expect(report.signature == nil)
        #expect(report.status == .open)
        #expect(ReportFormat.html.render(report).contains("NOT SIGNED"))
    }
}
