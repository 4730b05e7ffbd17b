import Foundation
import Testing
@testable import Devices
import EventBus
import HL7
import InfusionCore

/// A refused message reaches the bus only as its audit record (`.deviceMessageRejected`),
/// which the journal keeps and the model ignores.
@Suite(.timeLimit(.minutes(1)))
struct HL7AdapterRejectionAuditTests {
    private static let start = Date(timeIntervalSince1970: 1_741_943_000)
    private static let peer = "10.0.0.9:4000"
    private static let chair1 = ChairID("CHAIR-01")

    /// An ingest (no network) on a bus with one never-dropping subscriber.
    private struct Rig {
        let clock = ManualClock(HL7AdapterRejectionAuditTests.start)
        let bus: EventBus<ClinicEventPayload>
        let feed: Subscription<ClinicEventPayload>
        let ingest: HL7Ingest
        let rejections = Recorder<HL7Rejection>()

        init(patients: [ChairID: String] = [:]) {
            let clock = self.clock
            bus = EventBus<ClinicEventPayload>(now: { clock.now() })
            feed = bus.subscribe(name: "test", capacity: 1_000, overflow: .neverDrop)
            let rejections = self.rejections
            ingest = HL7Ingest(
                settings: HL7Settings(port: 0, devices: DeviceRegistry.sampleClinic.allDevices), bus: bus, clock: clock,
                currentPatientMRN: { patients[$0] }, onRejected: { rejections.append($0) })
        }

        /// Everything published since the last call, as the reducer sees it.
        func take() -> [ClinicEvent] {
            feed.drain().map { ClinicEvent(sequence: $0.sequence, receivedAt: $0.publishedAt, payload: $0.message) }
        }
    }

    /// The model with CHAIR-01 configured and the sample registry, as after start-up.
    private static func model(_ rig: Rig) -> ClinicState {
        rig.bus.publish(contentsOf: [.chairConfigured(ChairDescriptor(id: chair1, label: "Bay 1"))] + rig.ingest.registrations)
        return ClinicReducer.replay(rig.take())
    }

    @Test func anOutOfRangeValueIsPublishedAsTheRejectionAndChangesNothingElse() throws {
        let rig = Rig()
        var state = Self.model(rig)
        _ = rig.ingest.receive(HL7Samples.vitals, connection: 1, peer: Self.peer)
        state = ClinicReducer.replay(rig.take(), onto: state)
        #expect(state.chairs.first?.vitals[.heartRate]?.value == 72)

        rig.clock.advance(by: 60)
        let bad = HL7Samples.edited(HL7Samples.names[0], "|72|264864", "|400|264864")
        let badFrame = Array(bad.text.replacingOccurrences(of: "KCM-000001", with: "KCM-900001").utf8)
        let answer = rig.ingest.receive(badFrame, connection: 1, peer: Self.peer)
        #expect(answer.code == .error)

        let published = rig.take()
        let rejection = try #require(rig.rejections.all.last)
        #expect(published.map(\.payload) == [.deviceMessageRejected(rejection.record)])
        let record = rejection.record
        #expect(record.chair == Self.chair1)
        #expect(record.source == "hl7 10.0.0.9:4000")
        #expect(record.code == "AE")
        #expect(record.reason.hasPrefix("207 at OBX^"))
        #expect(record.reason.contains("^5: "))
        #expect(record.rawText == rejection.escapedText)
        #expect(record.rawText.hasPrefix("MSH|^~\\\\&|KC_MON_GW"))
        #expect(record.byteCount == badFrame.count)
        #expect(record.at == Self.start.addingTimeInterval(60))

        // The model ignores it: only the journal bookkeeping (sequence, time) moves.
        var after = ClinicReducer.replay(published, onto: state)
        #expect(after.lastSequence == state.lastSequence + 1)
        after.lastSequence = state.lastSequence
        after.lastEventAt = state.lastEventAt
        #expect(after == state)
    }

    @Test func garbageWithoutADeviceHasNoChair() throws {
        let rig = Rig()
        _ = rig.ingest.receive(Array("PID|||KC1".utf8), connection: 7, peer: "127.0.0.1:50312")
        let records = rejectionRecords(in: rig.take().map(\.payload))
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.chair == nil)
        #expect(record.code == "AR")
        #expect(record.reason.hasPrefix("100: "))
        #expect(record.source == "hl7 127.0.0.1:50312")
        #expect(record.rawText == "PID|||KC1")
        #expect(record.byteCount == 9)
    }

    @Test func aPatientMismatchPublishesTheAlarmAndTheRejectionButNoData() {
        let rig = Rig(patients: [Self.chair1: "KC99999"])
        _ = rig.ingest.receive(HL7Samples.vitals, connection: 1, peer: Self.peer)
        let payloads = rig.take().map(\.payload)
        #expect(vitals(in: payloads).isEmpty)
        let records = rejectionRecords(in: payloads)
        #expect(records.map(\.code) == ["AE"])
        #expect(records.first?.chair == Self.chair1)
        #expect(payloads.last.map { if case .deviceMessageRejected = $0 { true } else { false } } == true)
        #expect(rig.rejections.all.count == 1)  // the callback still runs
    }

    @Test func anOversizedFrameIsRecordedWithItsFullSize() {
        let rig = Rig()
        let header = Array(HL7Samples.vitals.prefix(4096))
        _ = rig.ingest.receiveOversized(header: header, byteCount: 300_000, peer: Self.peer)
        let records = rejectionRecords(in: rig.take().map(\.payload))
        #expect(records.map(\.code) == ["AR"])
        #expect(records.first?.byteCount == 300_000)
        #expect(records.first?.reason.hasPrefix("207") == true)
    }

    @Test func theListenerNamesThePeerAsTheSource() async throws {
        let harness = try await ListenerHarness.start()
        _ = harness.drain()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        try await client.send(message: Array("garbage".utf8))
        #expect(try #require(await replies.next()).msa == "MSA|AR|")
        let records = rejectionRecords(in: harness.drain())
        #expect(records.count == 1)
        #expect(records.first?.source.hasPrefix("hl7 127.0.0.1:") == true)
        #expect(records.first?.source != "hl7 127.0.0.1:\(harness.port)")  // the peer's port, not ours
        await client.close()
        try await harness.listener.stop()
    }
}
