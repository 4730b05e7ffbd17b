import Foundation
import InfusionCore
import Testing
@testable import Journal

@Suite("Tamper evidence: audit verify")
struct TamperTests {
    /// A journal of 12 events, written and closed.
    static func makeJournal() throws -> (TemporaryDirectory, URL) {
        let harness = try JournalHarness()
        harness.publish(EventFixtures.randomStream(seed: 7, count: 8, chairs: 1))
        try harness.writer.flush()
        return (harness.directory, harness.path)
    }

    @Test("an untouched journal verifies with its count and head")
    func intact() throws {
        let (directory, path) = try Self.makeJournal()
        let report = try JournalAudit.verify(databasePath: path)
        #expect(report.isIntact)
        #expect(report.verifiedCount == 12)
        #expect(report.headSequence == 12)
        #expect(report.summary.hasPrefix("OK: 12 records verified, chain head 12 "))
        _ = directory
    }

    @Test("an edited payload is named as edited")
    func edited() throws {
        let (directory, path) = try Self.makeJournal()
        try JournalHarness.tamper(path, "UPDATE event SET payload = replace(payload, 'CHAIR-1', 'CHAIR-9') WHERE sequence = 7")
        let report = try JournalAudit.verify(databasePath: path)
        #expect(report.problem?.sequence == 7)
        #expect(report.problem?.kind == .edited)
        #expect(report.verifiedCount == 6)
        #expect(report.summary.contains("FAILED at record 7"))
        _ = directory
    }

    @Test("an edited receipt time is named as edited")
    func editedTime() throws {
        let (directory, path) = try Self.makeJournal()
        try JournalHarness.tamper(path, "UPDATE event SET received_at = received_at + 60 WHERE sequence = 3")
        #expect(try JournalAudit.verify(databasePath: path).problem == AuditProblem(
            sequence: 3, kind: .edited, detail: "its hash does not match its content (record edited)"))
        _ = directory
    }

    @Test("an edited index column is caught against the payload")
    func editedColumn() throws {
        let (directory, path) = try Self.makeJournal()
        try JournalHarness.tamper(path, "UPDATE event SET chair = 'CHAIR-7' WHERE sequence = 5")
        let problem = try JournalAudit.verify(databasePath: path).problem
        #expect(problem?.sequence == 5)
        #expect(problem?.kind == .edited)
        _ = directory
    }

    @Test("a re-hashed edit breaks the next record's link")
    func rehashed() throws {
        let (directory, path) = try Self.makeJournal()
        try JournalHarness.tamper(path, "UPDATE event SET hash = randomblob(32) WHERE sequence = 4")
        let problem = try JournalAudit.verify(databasePath: path).problem
        #expect(problem?.sequence == 4)  // its own hash no longer matches either
        #expect(problem?.kind == .edited)
        _ = directory
    }

    @Test("a deleted record is named as deleted")
    func deleted() throws {
        let (directory, path) = try Self.makeJournal()
        try JournalHarness.tamper(path, "DELETE FROM event WHERE sequence = 5")
        let report = try JournalAudit.verify(databasePath: path)
        #expect(report.problem == AuditProblem(sequence: 5, kind: .deleted, detail: "record 5 is missing (deleted)"))
        #expect(report.verifiedCount == 4)
        _ = directory
    }

    @Test("deleting the first records is detected")
    func deletedHead() throws {
        let (directory, path) = try Self.makeJournal()
        try JournalHarness.tamper(path, "DELETE FROM event WHERE sequence <= 2")
        #expect(try JournalAudit.verify(databasePath: path).problem?.kind == .deleted)
        _ = directory
    }

    @Test("two swapped records are named as reordered")
    func reordered() throws {
        let (directory, path) = try Self.makeJournal()
        try JournalHarness.tamper(path, """
            UPDATE event SET sequence = 1000 WHERE sequence = 6;
            UPDATE event SET sequence = 6 WHERE sequence = 7;
            UPDATE event SET sequence = 7 WHERE sequence = 1000;
            """)
        let problem = try #require(try JournalAudit.verify(databasePath: path).problem)
        #expect(problem.sequence == 6)
        #expect(problem.kind == .reordered)
        #expect(problem.detail.contains("follows record 7"))
        _ = directory
    }

    @Test("a column of the wrong type is reported, not a crash")
    func malformed() throws {
        let (directory, path) = try Self.makeJournal()
        try JournalHarness.tamper(path, "UPDATE event SET hash = 'oops' WHERE sequence = 2")
        #expect(try JournalAudit.verify(databasePath: path).problem?.kind == .malformed)
        _ = directory
    }

    @Test("a missing journal is an error, and verify creates nothing")
    func missing() throws {
        let directory = TemporaryDirectory()
        #expect(throws: JournalError.self) { try JournalAudit.verify(databasePath: directory.journalPath) }
        #expect(!FileManager.default.fileExists(atPath: directory.journalPath.path))
    }
}
