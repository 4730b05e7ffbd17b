import Foundation
import InfusionCore
import Journal
import Testing
import TestSupport
@testable import ClinicApp

/// An amendment to a signed session is journaled, linked to the discharge signature, and
/// signed on its own; `audit verify` checks both bindings.
@Suite struct AmendmentTests {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("ic-amend-\(UUID().uuidString)")

    @Test func amendmentIsLinkedAndSignedSeparately() throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let path = home.appendingPathComponent("journal.sqlite")
        let chair = ChairID("CHAIR-01")
        let configuration = ClinicConfiguration(
            clinicName: "Test", chairs: [ChairDescriptor(id: chair, label: "CHAIR-01")], simulation: nil)
        let clock = ManualClock(DoseFixtures.now)
        let runtime = try ClinicRuntime(configuration: configuration, databasePath: path, wallClock: clock)
        let model = ClinicModel(bus: runtime.bus, initialState: runtime.recovered.state)
        runtime.start()
        let journal = try #require(runtime.journal)
        let signer = DoseFixtures.physician.identity
        let session = SessionID("S-01")
        try journal.commitDurably(.sessionStarted(SessionStart(
            session: session, chair: chair, patient: PatientIdentity(mrn: "M1", name: "Pat", dateOfBirth: "1970-01-01"),
            weight: Kilograms(70), weighedAt: clock.now(), order: .ketamineStandard(), baseline: [:],
            admittedAt: clock.now(), admittedBy: signer)))
        _ = model.update(at: clock.now(), freshness: FreshnessPolicy())
        let discharge = try #require(try SessionRecordHasher.makeSignature(for: session, in: model.state, signer: signer, at: clock.now()))
        try journal.commitDurably(.sessionSigned(discharge))

        #expect(runtime.amend(session: SessionID("S-99"), text: "typo", signer: signer)
            == .failure(.init(message: "session S-99 has no discharge signature to amend")))
        #expect(runtime.amend(session: session, text: "  ", signer: signer)
            == .failure(.init(message: "the correction text is empty")))
        guard case .success = runtime.amend(session: session, text: "DOB is 1970-01-02", signer: signer) else {
            Issue.record("the amendment was refused")
            return
        }
        runtime.stop()
        let report = try SignatureVerifier.verify(databasePath: path)
        #expect(report.checks.count == 2)
        #expect(report.isIntact)
        let amending = try #require(report.checks.last)
        #expect(amending.signature.signature.amends != nil)
        #expect(amending.signature.signature.meaning == SessionSignature.amendmentMeaning)
    }
}
