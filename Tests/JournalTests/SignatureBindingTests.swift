import Foundation
import InfusionCore
import Testing
@testable import Journal

@Suite("Signatures: binding to the signed record")
struct SignatureBindingTests {
    @Test("an untouched signed journal verifies, signature included")
    func intact() throws {
        var journal = try SignedJournal()
        try journal.sign()
        let report = try JournalAudit.verify(databasePath: journal.path)
        #expect(report.problem == nil)
        #expect(report.signatures.checks.count == 1)
        #expect(report.signatures.isIntact)
        #expect(report.isIntact)
        #expect(report.summary.hasSuffix("\nOK: 1 signatures bound to their records"))
        let check = try #require(report.signatures.check(at: journal.signatureSequence))
        #expect(check.rebuiltHash == check.signature.signature.recordHash)
        #expect(check.signature.signature.recordHash.count == 64)
    }

    @Test("editing a signed field breaks the chain and the binding")
    func editedField() throws {
        var journal = try SignedJournal()
        try journal.sign()
        try JournalHarness.tamper(journal.path, """
            UPDATE event SET payload = replace(payload, '"items":[2,1,2,1,1,0]', '"items":[0,0,0,0,0,0]')
            WHERE kind = 'dissociationScored'
            """)
        let report = try JournalAudit.verify(databasePath: journal.path)
        #expect(report.problem?.kind == .edited)
        #expect(report.signatures.broken.count == 1)
        #expect(report.signatures.broken.first?.problem?.contains("binding broken") == true)
        #expect(!report.isIntact)
        #expect(report.summary.contains("FAILED: 1 of 1 signatures do not verify"))
    }

    @Test("a signed field edited with the whole chain re-hashed still breaks the binding")
    func rehashedEdit() throws {
        var journal = try SignedJournal()
        try journal.sign()
        try JournalHarness.tamper(journal.path, """
            UPDATE event SET payload = replace(payload, 'J. Smith', 'J. Smyth') WHERE kind = 'dischargeItemRecorded'
            """)
        try SignedJournal.rehashChain(journal.path)
        let report = try JournalAudit.verify(databasePath: journal.path)
        #expect(report.problem == nil)  // the forger re-hashed the chain...
        #expect(report.signatures.broken.map(\.signature.sequence) == [journal.signatureSequence])  // ...but not the signature
        #expect(!report.isIntact)
    }

    @Test("editing the stored record hash breaks the binding")
    func editedHash() throws {
        var journal = try SignedJournal()
        try journal.sign()
        try JournalHarness.tamper(journal.path, """
            UPDATE event SET payload = replace(payload, '"recordHash":"', '"recordHash":"0') WHERE kind = 'sessionSigned'
            """)
        try SignedJournal.rehashChain(journal.path)
        let report = try JournalAudit.verify(databasePath: journal.path)
        #expect(report.problem == nil)
        #expect(report.signatures.broken.count == 1)
    }

    @Test("a device-data edit outside the record leaves the binding intact (the chain still fails)")
    func unsignedDataEdit() throws {
        var journal = try SignedJournal()
        try journal.sign()
        try JournalHarness.tamper(journal.path, """
            UPDATE event SET payload = replace(payload, '"value":72', '"value":99') WHERE kind = 'vitalsObserved'
            """)
        let report = try JournalAudit.verify(databasePath: journal.path)
        #expect(report.problem?.kind == .edited)
        #expect(report.signatures.isIntact)
    }

    @Test("an amendment is linked to the signature it corrects and signed on its own")
    func amendment() throws {
        var journal = try SignedJournal()
        try journal.sign()
        try journal.amend("Escort was J. Smyth")
        let report = try JournalAudit.verify(databasePath: journal.path)
        #expect(report.isIntact)
        #expect(report.signatures.checks.count == 2)
        #expect(report.signatures.checks.last?.signature.signature.amends != nil)

        try JournalHarness.tamper(journal.path, "UPDATE event SET payload = replace(payload, 'Smyth', 'Smith') WHERE kind = 'sessionAmended'")
        try SignedJournal.rehashChain(journal.path)
        let tampered = try JournalAudit.verify(databasePath: journal.path)
        #expect(tampered.problem == nil)
        #expect(tampered.signatures.broken.count == 1)
        #expect(tampered.signatures.broken.first?.signature.signature.amends != nil)
    }

    @Test("the session archive lists the signed session with its verified signature and amendment")
    func archive() throws {
        var journal = try SignedJournal()
        try journal.sign()
        try journal.amend("Escort was J. Smyth")
        try journal.amend("Unsigned note", signed: false)
        let sessions = try SessionArchive.load(databasePath: journal.path)
        let session = try #require(sessions.first)
        #expect(sessions.count == 1)
        #expect(session.status == .signed)
        #expect(session.isVerified)
        #expect(session.signature?.signature.sequence == journal.signatureSequence)
        #expect(session.amendments.map(\.amendment.text) == ["Escort was J. Smyth", "Unsigned note"])
        #expect(session.amendments.map { $0.signature?.isValid } == [true, nil])
        #expect(session.record.checklist.count == 4)
        #expect(session.record.alarms.map(\.text) == ["SpO2 88<90"])
        #expect(session.trends[.heartRate]?.points.count == 1)
    }
}
