import Foundation
import InfusionCore
import Testing
import TestSupport

@Suite("Sign-off: the reducer")
struct SignOffReducerTests {
    typealias F = SignOffFixtures

    @Test("clinical entries and orders are kept in the session's history")
    func history() throws {
        var script = F.script()
        script.add(.rateChangeOrdered(RateChangeOrder(
            chair: F.chair, session: F.session, by: F.physician, at: F.t(20), oldRate: DoseFixtures.rate(0.75),
            newRate: DoseFixtures.rate(0.6), oldFlow: MillilitersPerHour(60), newFlow: MillilitersPerHour(48),
            concentration: MilligramsPerMilliliter(1), weight: Kilograms(80), reason: nil, overrodeSoftLimit: false,
            deadline: F.t(20.2))), at: F.t(20))
        let session = try #require(script.state[chair: F.chair]?.session)
        #expect(session.dissociationScores.count == 3)
        #expect(session.interventions.map(\.summary) == ["Intervention antiemetic: ondansetron 4 mg IV"])
        #expect(session.dischargeItems.map(\.item.kind) == [.aldrete, .dissociationResolved, .ivRemoved, .escortConfirmed])
        #expect(session.rateChanges.map(\.newRate) == [DoseFixtures.rate(0.6)])
        #expect(session.phaseHistory.map(\.phase) == [.admitted, .infusing, .infusionComplete])
        #expect(session.phaseHistory.map(\.at) == [F.t(0), F.t(2), F.t(42)])
    }

    @Test("alarm episodes follow raise, acknowledge and end")
    func alarmEpisodes() throws {
        var script = F.script()
        let key = AlarmKey.vital(.spo2)
        ClinicFixtures.raise(F.chair, key, .medium, "SpO2 88<90", onset: F.t(10), at: F.t(10.2), in: &script)
        ClinicFixtures.acknowledge(F.chair, by: "dr.test", at: F.t(11), in: &script)
        ClinicFixtures.endCondition(F.chair, key, at: F.t(12), in: &script)
        let episodes = try #require(script.state[chair: F.chair]?.session?.alarmEpisodes)
        #expect(episodes.count == 1)
        #expect(episodes.first?.text == "SpO2 88<90")
        #expect(episodes.first?.acknowledgedBy == "dr.test")
        #expect(episodes.first?.endedAt == F.t(12))
    }

    @Test("a signature closes the session: the chair is free and later entries change nothing")
    func signedSessionFreesChair() throws {
        var script = F.script()
        let signedAt = script.events.count
        script.add(.sessionSigned(F.signature(at: 105, through: UInt64(signedAt))), at: F.t(105))
        let signed = script.state
        let chair = try #require(signed[chair: F.chair])
        #expect(chair.session == nil)
        #expect(!chair.isOccupied)
        #expect(chair.log.suffix(2).map(\.text) == [
            "Phase SIGNED", "Signed off by Dr. Test: Reviewed and approved for discharge; chair free",
        ])
        script.add(.dissociationScored(DissociationScoring(
            chair: F.chair, session: F.session, items: [4, 4, 4, 4, 4, 4], by: F.nurse, at: F.t(106))), at: F.t(106))
        script.add(.dischargeItemRecorded(DischargeItemRecord(
            chair: F.chair, session: F.session, item: .ivRemoved, by: F.nurse, at: F.t(106))), at: F.t(106))
        script.add(.sessionSigned(F.signature(at: 107, through: UInt64(signedAt + 2))), at: F.t(107))
        var after = script.state
        #expect(after[chair: F.chair]?.session == nil)
        #expect(after[chair: F.chair]?.log == chair.log)
        after.lastSequence = signed.lastSequence
        after.lastEventAt = signed.lastEventAt
        #expect(after == signed)
    }

    @Test("an amendment and its signature are journaled only; a new patient's session is untouched")
    func amendmentLinked() throws {
        var script = F.script()
        let signedAt = UInt64(script.events.count + 1)
        script.add(.sessionSigned(F.signature(at: 105, through: signedAt - 1)), at: F.t(105))
        ClinicFixtures.admit(F.chair, number: 2, name: "Next Patient", weight: 70, at: F.t(110), in: &script)
        let before = script.state
        let amendment = SessionAmendment(
            chair: F.chair, session: F.session, text: "Escort was J. Smyth", by: F.physician, at: F.t(120), signatureSequence: signedAt)
        script.add(.sessionAmended(amendment), at: F.t(120))
        let amendedAt = UInt64(script.events.count)
        let original = F.signature(at: 105, through: signedAt - 1)
        let record = SessionAmendmentRecord(amendment: amendment, sequence: amendedAt, amending: original)
        #expect(record.amendedSignatureSequence == signedAt)
        #expect(record.amendedRecordHash == original.recordHash)
        script.add(.sessionSigned(SessionSignature(
            chair: F.chair, session: F.session, signer: F.physician, meaning: SessionSignature.amendmentMeaning, at: F.t(121),
            recordThroughSequence: amendedAt, recordHash: String(repeating: "1", count: 64), amends: amendedAt)), at: F.t(121))
        let after = script.state
        #expect(after[chair: F.chair]?.session == before[chair: F.chair]?.session)
        #expect(after[chair: F.chair]?.session?.id == SessionID("S-02"))
        #expect(after[chair: F.chair]?.session?.dischargeItems == [])
    }

    @Test("the record is built from the state, in a stable order")
    func record() throws {
        let state = F.script().state
        let record = try #require(SessionRecord(session: F.session, in: state))
        #expect(record.baseline.map(\.kind) == [.heartRate, .systolic, .diastolic])
        #expect(record.devices.map(\.id) == [DeviceID("MON01"), DeviceID("PMP01")])
        #expect(record.checklist.count == 4)
        #expect(record.dissociationScores.count == 3)
        #expect(record.doseGiven == state[chair: F.chair]?.session?.doseGiven)
        #expect(SessionRecord(session: SessionID("S-99"), in: state) == nil)
    }
}
