import Devices
import EventBus
import Foundation
import HL7
import InfusionCore
import Synchronization

/// A running `HL7Listener` on 127.0.0.1 (free port) with the sample clinic's registry, a
/// bus drained by a consumer task, and connected clients. One rig serves all iterations
/// of a benchmark (started in its setup, stopped in its teardown), so connection set-up
/// is not measured and the listener's duplicate memory is warm as in service.
final class IngestRig: Sendable {
    /// The rig of the benchmark that is running (package-benchmark's setup hook has no
    /// state of its own to hand over).
    private static let current = Mutex<IngestRig?>(nil)

    /// The rig `start` made, until `stopCurrent`.
    static var running: IngestRig? { current.withLock { $0 } }

    let listener: HL7Listener
    let subscription: Subscription<ClinicEventPayload>
    let consumer: Task<Int, Never>
    let clients: [MLLPClient]
    /// The next control-id number: every message sent is new, never a resend.
    private let nextNumber = Atomic<Int>(0)

    private init(listener: HL7Listener, subscription: Subscription<ClinicEventPayload>, consumer: Task<Int, Never>, clients: [MLLPClient]) {
        self.listener = listener
        self.subscription = subscription
        self.consumer = consumer
        self.clients = clients
    }

    /// Starts a listener and connects `connections` clients; it becomes `current`.
    static func start(connections: Int) async throws {
        let bus = EventBus<ClinicEventPayload>(now: { Date() })
        let subscription = bus.subscribe(name: "model", capacity: 4_096, overflow: .neverDrop)
        let consumer = Task {
            var received = 0
            while let batch = await subscription.next() { received += batch.count }
            return received
        }
        let listener = HL7Listener(
            settings: HL7Settings(port: 0, maxConnections: connections + 1, devices: DeviceRegistry.sampleClinic.allDevices),
            bus: bus, clock: SystemClock(), currentPatientMRN: { _ in nil })
        let port = try await listener.start()
        var clients: [MLLPClient] = []
        for _ in 0..<connections { clients.append(try await MLLPClient.connect(host: "127.0.0.1", port: port)) }
        let rig = IngestRig(listener: listener, subscription: subscription, consumer: consumer, clients: clients)
        current.withLock { $0 = rig }
    }

    /// Stops `current` (teardown): closes the clients and the listener, ends the consumer.
    static func stopCurrent() async throws {
        guard let rig = current.withLock({ state -> IngestRig? in defer { state = nil }; return state }) else { return }
        for client in rig.clients { await client.close() }
        try await rig.listener.stop()
        rig.subscription.cancel()
        _ = await rig.consumer.value
    }

    /// `count` new framed messages, dealt round-robin to the clients.
    func makeMessages(_ count: Int) -> [[[UInt8]]] {
        let first = nextNumber.wrappingAdd(count, ordering: .relaxed).oldValue
        var shares = Array(repeating: [[UInt8]](), count: clients.count)
        for index in 0..<count {
            shares[index % clients.count].append(MLLPFrameEncoder.encode(Self.message(number: first + index)))
        }
        return shares
    }

    /// Sends every client's share as `mode` says, all clients at once; returns how many
    /// AA ACKs came back.
    func run(_ mode: LoadMode, _ shares: [[[UInt8]]]) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for (client, messages) in zip(clients, shares) {
                group.addTask { try await Self.send(messages, over: client, window: mode.window, batch: mode.batch) }
            }
            return try await group.reduce(0, +)
        }
    }

    /// One client's share: at most `window` unacknowledged, `batch` frames per write.
    private static func send(_ messages: [[UInt8]], over client: MLLPClient, window: Int, batch: Int) async throws -> Int {
        var replies = client.replies.makeAsyncIterator()
        var sent = 0
        var accepted = 0
        var acknowledged = 0
        while acknowledged < messages.count {
            if sent < messages.count, sent - acknowledged + min(batch, messages.count - sent) <= window {
                let end = min(sent + batch, messages.count)
                try await client.send(raw: Array(messages[sent..<end].joined()))
                sent = end
                continue
            }
            guard let ack = await replies.next() else { break }
            acknowledged += 1
            if isAA(ack) { accepted += 1 }
        }
        return accepted
    }

    /// Whether an ACK's MSA-1 is AA (the MSA segment follows the one MSH line).
    private static func isAA(_ ack: [UInt8]) -> Bool {
        guard let end = ack.firstIndex(of: 0x0D), ack.count >= end + 8 else { return false }
        return ack[(end + 1)..<(end + 8)].elementsEqual("MSA|AA|".utf8)
    }

    /// The shared PCD-01 vitals sample (12 OBX, 1,341 bytes) with control id
    /// `KCM-<number>` (9 digits), so no message is a resend of another.
    static func message(number: Int) -> [UInt8] {
        let digits = String(number)
        let id = "KCM-" + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
        return Array(sampleText.replacingOccurrences(of: "|KCM-000001|P|", with: "|\(id)|P|").utf8)
    }

    private static let sampleText: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("Tests/HL7Tests/Samples/01_pcd01_chair1_vitals.hl7")
        guard let data = try? Data(contentsOf: url), data.count > 1000 else { fatalError("cannot read \(url.path)") }
        return String(decoding: data, as: UTF8.self)
    }()
}
