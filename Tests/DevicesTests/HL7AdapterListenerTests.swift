import Foundation
import Synchronization
import Testing
@testable import Devices
import EventBus
import HL7
import InfusionCore

/// A listener on 127.0.0.1 (free port) with a bus subscription, a manual clock and
/// recorders for rejections and connection events. Every wait is an `await` on a reply,
/// a bus delivery or a connection event; the suites' time limit bounds them.
struct ListenerHarness {
    let bus: EventBus<ClinicEventPayload>
    let feed: Subscription<ClinicEventPayload>
    let listener: HL7Listener
    let port: Int
    let rejections: Recorder<HL7Rejection>
    let connectionEvents: AsyncStream<HL7ConnectionEvent>

    /// The sample clinic's registry; `patients` is each chair's session MRN.
    static func start(
        _ settings: HL7Settings = HL7Settings(port: 0, devices: DeviceRegistry.sampleClinic.allDevices),
        patients: [ChairID: String] = [:]
    ) async throws -> ListenerHarness {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_741_943_000))
        let bus = EventBus<ClinicEventPayload>(now: { clock.now() })
        let feed = bus.subscribe(name: "test", capacity: 10_000, overflow: .neverDrop)
        let rejections = Recorder<HL7Rejection>()
        let (connectionEvents, continuation) = AsyncStream<HL7ConnectionEvent>.makeStream()
        let listener = HL7Listener(
            settings: settings, bus: bus, clock: clock, currentPatientMRN: { patients[$0] },
            onRejected: { rejections.append($0) }, onConnectionEvent: { continuation.yield($0) })
        let port = try await listener.start()
        return ListenerHarness(
            bus: bus, feed: feed, listener: listener, port: port, rejections: rejections, connectionEvents: connectionEvents)
    }

    func connect() async throws -> MLLPClient { try await MLLPClient.connect(host: "127.0.0.1", port: port) }

    /// Waits for the first connection event `matching` returns true for.
    func awaitConnectionEvent(_ matching: (HL7ConnectionEvent) -> Bool) async -> HL7ConnectionEvent? {
        for await event in connectionEvents where matching(event) { return event }
        return nil
    }

    /// Everything published so far and not yet taken.
    func drain() -> [ClinicEventPayload] { feed.drain().map(\.message) }

    /// Waits until a published event satisfies `matching`; returns all taken on the way.
    func awaitEvent(_ matching: (ClinicEventPayload) -> Bool) async -> [ClinicEventPayload] {
        var taken: [ClinicEventPayload] = []
        while let batch = await feed.next() {
            taken += batch.map(\.message)
            if taken.contains(where: matching) { break }
        }
        return taken
    }
}

/// A thread-safe list, for callbacks.
final class Recorder<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])
    func append(_ item: Element) { items.withLock { $0.append(item) } }
    var all: [Element] { items.withLock { $0 } }
}

/// The shared sample messages (kept with the HL7 target's tests), read as bytes.
enum HL7Samples {
    static let names = [
        "01_pcd01_chair1_vitals", "02_pcd01_chair1_nibp", "09_pcd10_chair1_pump_start",
        "10_pcd10_chair1_rate_change_stop_transitioning", "11_pcd10_chair1_rate_change_start_new_rate",
    ]

    static func bytes(_ name: String) -> [UInt8] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let url = folder.appendingPathComponent("HL7Tests/Samples/\(name).hl7")
        return [UInt8]((try? Data(contentsOf: url)) ?? Data())
    }

    static var vitals: [UInt8] { bytes(names[0]) }

    /// The sample with `old` replaced by `new`.
    static func edited(_ name: String, _ old: String, _ new: String) -> [UInt8] {
        Array(String(decoding: bytes(name), as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }
}

extension [UInt8] {
    /// The ACK's MSA line (`MSA|AA|KCM-000001`).
    var msa: String {
        String(decoding: self, as: UTF8.self).split(separator: "\r").first { $0.hasPrefix("MSA|") }.map(String.init) ?? ""
    }

    var text: String { String(decoding: self, as: UTF8.self) }
}

/// The `.deviceMessageRejected` audit records among `events`.
func rejectionRecords(in events: [ClinicEventPayload]) -> [DeviceMessageRejection] {
    events.compactMap { payload -> DeviceMessageRejection? in
        if case .deviceMessageRejected(let record) = payload { record } else { nil }
    }
}

func vitals(in events: [ClinicEventPayload]) -> [VitalKind: Double] {
    var values: [VitalKind: Double] = [:]
    for case .vitalsObserved(let observation) in events {
        for sample in observation.samples { values[sample.kind] = sample.value }
    }
    return values
}

@Suite(.timeLimit(.minutes(1)))
struct HL7AdapterListenerTests {
    @Test func everySampleIsAcceptedAndReachesTheBus() async throws {
        let harness = try await ListenerHarness.start()
        let registered = harness.drain().compactMap { payload -> DeviceDescriptor? in
            if case .deviceRegistered(let device) = payload { device } else { nil }
        }
        #expect(registered.map(\.label) == ["MON01", "MON02", "MON03", "MON04", "PUMP01", "PUMP02"])
        #expect(registered.allSatisfy { !$0.isSimulated })
        #expect(registered.first?.expectedInterval == 60)
        #expect(registered.last?.expectedInterval == 30)

        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        var published: [ClinicEventPayload] = []
        for name in HL7Samples.names {
            try await client.send(message: HL7Samples.bytes(name))
            let ack = try #require(await replies.next())
            #expect(ack.msa.hasPrefix("MSA|AA|"), "\(name): \(ack.text)")
            published += harness.drain()  // published before the ACK was written
        }
        let values = vitals(in: published)
        #expect(values[.heartRate] == 72)
        #expect(values[.spo2] == 98)
        let rates = published.compactMap { payload -> Double? in
            if case .pumpReported(let report) = payload { report.rate.value } else { nil }
        }
        #expect(rates.first == 150)
        #expect(published.contains(.deviceLinkChanged(DeviceLinkChange(
            chair: ChairID("CHAIR-01"), device: DeviceID("MON01"), state: .connected, at: Date(timeIntervalSince1970: 1_741_943_000)))))
        #expect(harness.rejections.all.isEmpty)
        await client.close()
        try await harness.listener.stop()
    }

    @Test func badMessagesGetAnErrorACKAndPublishNothing() async throws {
        let harness = try await ListenerHarness.start()
        _ = harness.drain()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        let unknownDevice = HL7Samples.edited(HL7Samples.names[0], "0A00000000000101", "0A00000000000999")
        let wrongType = HL7Samples.edited(HL7Samples.names[0], "ORU^R01^ORU_R01", "ADT^A01^ADT_A01")
        for (bad, expected) in [(unknownDevice, "MSA|AE|KCM-000001"), (wrongType, "MSA|AR|KCM-000001")] {
            try await client.send(message: bad)
            let ack = try #require(await replies.next())
            #expect(ack.msa == expected)
            #expect(ack.text.contains("\rERR|"))
            // Only the audit record is published: no data, link, alarm or anything else.
            let published = harness.drain()
            #expect(published.count == 1)
            #expect(rejectionRecords(in: published).count == 1)
        }
        let rejections = harness.rejections.all
        #expect(rejections.map(\.error.code) == [.unknownKey, .unsupportedMessageType])
        #expect(rejections.first?.escapedText.hasPrefix("MSH|^~\\\\&|KC_MON_GW") == true)
        await client.close()
        try await harness.listener.stop()
    }

    @Test func anIdenticalResendIsAcknowledgedAndNotPublishedTwice() async throws {
        let harness = try await ListenerHarness.start()
        _ = harness.drain()
        let first = try await harness.connect()
        var firstReplies = first.replies.makeAsyncIterator()
        try await first.send(message: HL7Samples.vitals)
        #expect(try #require(await firstReplies.next()).msa == "MSA|AA|KCM-000001")
        #expect(vitals(in: harness.drain())[.heartRate] == 72)
        // The resend comes on a new connection, as a gateway that reconnected would send it.
        let second = try await harness.connect()
        var secondReplies = second.replies.makeAsyncIterator()
        try await second.send(message: HL7Samples.vitals)
        #expect(try #require(await secondReplies.next()).msa == "MSA|AA|KCM-000001")
        #expect(vitals(in: harness.drain()).isEmpty)
        await first.close()
        await second.close()
        try await harness.listener.stop()
    }

    @Test func aPatientMismatchRaisesAnAlarmAndPublishesNoData() async throws {
        let harness = try await ListenerHarness.start(patients: [ChairID("CHAIR-01"): "KC99999"])
        _ = harness.drain()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        for _ in 0..<2 {  // the resend is refused the same way
            try await client.send(message: HL7Samples.vitals)
            let ack = try #require(await replies.next())
            #expect(ack.msa == "MSA|AE|KCM-000001")
            #expect(ack.text.contains("|207^"))
            #expect(ack.text.contains("patient mismatch"))
        }
        let published = harness.drain()
        #expect(vitals(in: published).isEmpty)
        let records = rejectionRecords(in: published)
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.chair == ChairID("CHAIR-01") && $0.code == "AE" })
        #expect(records.first?.reason.hasPrefix("207 at PID^1^3: patient mismatch") == true)
        let alarms = published.compactMap { payload -> AlarmRaised? in
            if case .alarmRaised(let raised) = payload { raised } else { nil }
        }
        #expect(alarms.map(\.key) == [AlarmKey(.device, "0A00000000000101|patient-mismatch")])
        #expect(alarms.first?.priority == .high)
        #expect(alarms.first?.text == "PATIENT ID MISMATCH MON01")
        #expect(harness.rejections.all.count == 2)

        // The right patient's data are merged.
        let matching = try await ListenerHarness.start(patients: [ChairID("CHAIR-01"): "KC10001"])
        let other = try await matching.connect()
        var otherReplies = other.replies.makeAsyncIterator()
        try await other.send(message: HL7Samples.vitals)
        #expect(try #require(await otherReplies.next()).msa == "MSA|AA|KCM-000001")
        #expect(vitals(in: matching.drain())[.heartRate] == 72)
        await client.close()
        await other.close()
        try await harness.listener.stop()
        try await matching.listener.stop()
    }

    @Test func theLinkIsReportedLostAfterTheLastCarryingConnectionCloses() async throws {
        var settings = HL7Settings(port: 0, devices: DeviceRegistry.sampleClinic.allDevices)
        settings.linkLostGrace = .milliseconds(1)
        let harness = try await ListenerHarness.start(settings)
        _ = harness.drain()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        try await client.send(message: HL7Samples.vitals)
        _ = await replies.next()
        await client.close()
        let events = await harness.awaitEvent {
            if case .deviceLinkChanged(let change) = $0 { change.state == .lost } else { false }
        }
        let links = events.compactMap { payload -> DeviceLinkChange? in
            if case .deviceLinkChanged(let change) = payload { change } else { nil }
        }
        #expect(links.map(\.state) == [.connected, .lost])
        #expect(links.allSatisfy { $0.device == DeviceID("MON01") && $0.chair == ChairID("CHAIR-01") })
        try await harness.listener.stop()
    }
}
