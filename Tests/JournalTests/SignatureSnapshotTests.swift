import Foundation
import GRDB
import InfusionCore
import Testing
@testable import Journal

@Suite("Signatures: old snapshots and recovery")
struct SignatureSnapshotTests {
    @Test("a snapshot written before the session history existed still decodes")
    func oldSnapshotDecodes() throws {
        let journal = try SignedJournal()
        journal.harness.updateLive()
        let state = journal.harness.liveState
        var json = try #require(try JSONSerialization.jsonObject(with: PayloadCoding.makeEncoder().encode(state)) as? [String: Any])
        var chairs = try #require(json["chairs"] as? [[String: Any]])
        var session = try #require(chairs[0]["session"] as? [String: Any])
        let added = [
            "rateChanges", "infusionControls", "weightChanges", "alarmEpisodes", "dissociationScores", "interventions",
            "dischargeItems", "phaseHistory",
        ]
        for key in added { #expect(session.removeValue(forKey: key) != nil) }
        chairs[0]["session"] = session
        json["chairs"] = chairs
        let old = try JSONSerialization.data(withJSONObject: json)
        let decoded = try PayloadCoding.makeDecoder().decode(ClinicState.self, from: old)
        let decodedSession = try #require(decoded[chair: SignedJournal.chair]?.session)
        #expect(decodedSession.dischargeItems == [])
        #expect(decodedSession.phaseHistory == [])
        #expect(decodedSession.doseGiven == state[chair: SignedJournal.chair]?.session?.doseGiven)
    }

    @Test("a snapshot that does not decode is ignored: recovery replays the whole journal")
    func undecodableSnapshotFallsBack() throws {
        let journal = try SignedJournal()
        let last = try journal.harness.store.read { db in
            try #require(try Row.fetchOne(db, sql: "SELECT sequence, hash, received_at FROM event ORDER BY sequence DESC LIMIT 1"))
        }
        try journal.harness.store.writeSnapshot(StoredSnapshot(
            sequence: UInt64(last[0] as Int64), eventHash: last[1], takenAt: last[2], state: Data("{\"chairs\":7}".utf8)))
        let recovered = try JournalRecovery.load(from: journal.harness.store)
        let full = try JournalRecovery.replayAll(from: journal.harness.store)
        #expect(recovered.state == full.state)
        #expect(recovered.replayedCount == full.replayedCount)
        #expect(recovered.lastHash == full.lastHash)
    }
}
