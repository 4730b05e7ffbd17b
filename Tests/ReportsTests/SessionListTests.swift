import Foundation
import InfusionCore
import Testing
@testable import Reports

@Suite("Session list")
struct SessionListTests {
    /// S-1 signed on CHAIR-01, S-2 closed unsigned on CHAIR-02, S-3 open on CHAIR-02.
    static func threeSessions() throws -> SessionScript {
        var script = SessionScript()
        let second = ChairID("CHAIR-02")
        ReportFixtures.setup(&script, chairs: [ReportFixtures.chair, second])
        ReportFixtures.admit(&script, session: ReportFixtures.session, chair: ReportFixtures.chair, name: "Doe, Jane", mrn: "MRN0001", at: 1)
        ReportFixtures.admit(&script, session: SessionID("S-2"), chair: second, name: "Roe, Rick", mrn: "MRN0002", at: 2)
        script.add(30, .sessionEnded(SessionEnd(chair: second, session: SessionID("S-2"), at: SessionScript.at(30))))
        ReportFixtures.admit(&script, session: SessionID("S-3"), chair: second, name: "Poe, Pat\u{1B}[2J", mrn: "MRN0003", at: 31)
        try script.sign(40, session: ReportFixtures.session, by: ReportFixtures.physician)
        return script
    }

    @Test("sessions are listed oldest first with status and signer")
    func listing() throws {
        let journal = try ScriptedJournal(Self.threeSessions())
        let sessions = try SessionReportLoader(databasePath: journal.path).sessions()
        #expect(sessions.map(\.session.rawValue) == ["S-1", "S-2", "S-3"])
        #expect(sessions.map(\.status) == [.signed, .closed, .open])
        #expect(sessions.map(\.signer) == ["Dr. A. Lee", nil, nil])
        let table = SessionListRenderer.render(sessions, timeZone: TimeZone(identifier: "UTC")!)
        #expect(table == """
            SESSION  ADMITTED          CHAIR     PATIENT                 STATUS  SIGNER
            S-1      2025-03-14 08:01  CHAIR-01  Doe, Jane (MRN0001)     SIGNED  Dr. A. Lee
            S-2      2025-03-14 08:02  CHAIR-02  Roe, Rick (MRN0002)     CLOSED  -
            S-3      2025-03-14 08:31  CHAIR-02  Poe, Pat?[2J (MRN0003)  OPEN    -

            """)
    }

    @Test("an empty journal lists no sessions")
    func empty() throws {
        var script = SessionScript()
        ReportFixtures.setup(&script)
        let journal = try ScriptedJournal(script)
        #expect(try SessionReportLoader(databasePath: journal.path).sessions().isEmpty)
        #expect(SessionListRenderer.render([]) == "(no sessions)\n")
    }
}
