import Foundation
import InfusionCore
import Testing
@testable import Journal

@Suite("Refused device messages in the audit log")
struct DeviceMessageRejectionAuditTests {
    static func rejection(chair: ChairID?, at time: Date) -> DeviceMessageRejection {
        DeviceMessageRejection(
            chair: chair, source: "hl7 127.0.0.1:50312", code: "AE",
            reason: "207 at OBX^2^5: heart rate 400 /min is outside 20...300",
            rawText: "MSH|^~\\\\&|KC_MON_GW|KETAMINE_CLINIC\\rPID|||KC10001", byteCount: 1341, at: time)
    }

    @Test("a rejection is journaled and listed as hl7's, with the reason and the size")
    func listed() throws {
        let harness = try JournalHarness()
        let at = EventFixtures.origin
        let record = Self.rejection(chair: EventFixtures.chair(1), at: at)
        harness.publish(EventFixtures.setup(chairs: 2) + [
            .deviceMessageRejected(record),
            .deviceMessageRejected(Self.rejection(chair: nil, at: at)),  // garbage: no chair known
        ])
        try harness.writer.flush()

        let chair1 = try JournalAudit.operatorActions(databasePath: harness.path, chair: "CHAIR-1")
        let entry = try #require(chair1.last)
        #expect(entry.who == "hl7")
        #expect(entry.what == "Device message rejected")
        #expect(entry.newValue == "AE 207 at OBX^2^5: heart rate 400 /min is outside 20...300 (1341 bytes from hl7 127.0.0.1:50312)")
        #expect(entry.line.contains("CHAIR-1  -  hl7  Device message rejected: - -> AE 207 at OBX^2^5"))

        let all = try JournalAudit.operatorActions(databasePath: harness.path)
        #expect(all.filter { $0.what == "Device message rejected" }.map(\.chair) == ["CHAIR-1", nil])

        // Stored, and ignored by the model on replay.
        let recovered = try JournalRecovery.load(from: harness.store)
        #expect(recovered.lastSequence == UInt64(EventFixtures.setup(chairs: 2).count + 2))
        let withoutIt = ClinicReducer.replay(
            EventFixtures.setup(chairs: 2).enumerated().map {
                ClinicEvent(sequence: UInt64($0.offset + 1), receivedAt: at, payload: $0.element)
            })
        #expect(recovered.state.chairs == withoutIt.chairs)
        #expect(try harness.storedKinds().suffix(2) == ["deviceMessageRejected", "deviceMessageRejected"])
    }
}
