import Benchmark
import EventBus
import Foundation
import InfusionCore
import Journal

// The journal's three goals (issue 5), on a real SQLite file in the temporary folder:
// - batched vitals journaled per second (goal >= 100,000/s): one iteration publishes
//   `scaledIterations.count` (1,000) vitals and writes them as one batch, as the 250 ms
//   tick does, into one journal that grows across iterations as the station's does (a
//   fresh file per iteration measured SQLite creating files, not the writer: see
//   docs/benchmarks.md); the writer's own early batches at capacity are 4,096, so 1,000
//   per transaction is the conservative side;
// - latency of one durable operator action (goal p99 <= 10 ms): ten vitals pending, then
//   `commitDurably` (synchronous = FULL) is timed alone;
// - recovery of a 1,000,000-event journal with snapshots (goal <= 2 s), and a full replay
//   of 100,000 events without snapshots for the raw replay rate.

let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "Journal batched vitals",
        configuration: .init(metrics: [.throughput, .wallClock], scalingFactor: .kilo, maxDuration: .seconds(10), maxIterations: 200)
    ) { benchmark in
        let rig = try Rig.growing()
        let count = benchmark.scaledIterations.count
        // Device times go on from the previous iteration's (a late sample is cheaper to reduce).
        let base = Int(rig.bus.lastSequence)
        let payloads = (0..<count).map { vitals(chair: $0 % 8, step: base + $0) }
        benchmark.startMeasurement()
        for payload in payloads { rig.bus.publish(payload) }
        try rig.writer.flush()
        benchmark.stopMeasurement()
    }

    Benchmark(
        "Journal durable action",
        configuration: .init(metrics: [.wallClock], scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 2_000)
    ) { benchmark in
        let rig = try Rig.shared()
        for step in 0..<10 { rig.bus.publish(vitals(chair: step % 8, step: step)) }
        let action = ClinicEventPayload.deviceLinkChanged(DeviceLinkChange(
            chair: ChairID("CHAIR-1"), device: DeviceID("MON1"), state: .connected, at: Date()))
        benchmark.startMeasurement()
        try rig.writer.commitDurably(action)
        benchmark.stopMeasurement()
    }

    Benchmark(
        "Journal recovery, 1,000,000 events with snapshots",
        configuration: .init(metrics: [.wallClock], scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 10)
    ) { benchmark in
        let path = try largeJournal()
        benchmark.startMeasurement()
        let recovered = try JournalRecovery.load(from: path)
        benchmark.stopMeasurement()
        precondition(recovered.lastSequence == largeJournalCount && recovered.replayedCount <= 10_016)
        blackHole(recovered)
    }

    Benchmark(
        "Journal full replay, 100,000 events (no snapshot)",
        configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 5)
    ) { benchmark in
        let store = try JournalStore(path: try largeJournal())
        benchmark.startMeasurement()
        let recovered = try JournalRecovery.replayAll(from: store, upTo: 100_000)
        benchmark.stopMeasurement()
        precondition(recovered.lastSequence == 100_000)
        blackHole(recovered)
    }
}

/// A journal with its bus and writer in a fresh file.
final class Rig: Sendable {
    let bus: EventBus<ClinicEventPayload>
    let writer: JournalWriter
    let path: URL

    init(name: String, policy: JournalPolicy = JournalPolicy()) throws {
        let path = scratchFile(name)
        self.path = path
        let store = try JournalStore(path: path)
        let recovered = try JournalRecovery.load(from: store)
        bus = EventBus(now: { Date() }, firstSequence: recovered.lastSequence + 1)
        writer = JournalWriter(bus: bus, store: store, recovered: recovered, policy: policy) { () throws(JournalError) in
            try JournalStore(path: path)
        }
        bus.publish(contentsOf: setup())
        try writer.flush()
    }

    private static let instance = Result { try Rig(name: "durable") }
    private static let growingInstance = Result { try Rig(name: "batched") }

    /// One rig reused across iterations (the chain grows, as in the station).
    static func shared() throws -> Rig { try instance.get() }

    /// The batched benchmark's own growing journal (apart from the durable one's, so that
    /// neither run's rows change the other's figures).
    static func growing() throws -> Rig { try growingInstance.get() }
}

let largeJournalCount: UInt64 = 1_000_000
private let largeJournalPath = Result { () throws -> URL in
    let rig = try Rig(name: "recovery")
    var step = 0
    while rig.bus.lastSequence < largeJournalCount {
        let batch = (0..<min(4_096, Int(largeJournalCount - rig.bus.lastSequence))).map { _ in
            step += 1
            return vitals(chair: step % 8, step: step)
        }
        rig.bus.publish(contentsOf: batch)
        try rig.writer.flush()
    }
    return rig.path
}

/// The 1,000,000-event journal, built once per process (outside the measurement).
func largeJournal() throws -> URL { try largeJournalPath.get() }

/// A fresh journal path in the temporary folder (a previous run's file is removed).
func scratchFile(_ name: String) -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journal-bench", isDirectory: true)
    let path = directory.appendingPathComponent("\(name)-\(ProcessInfo.processInfo.processIdentifier).sqlite")
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path.path + suffix) }
    return path
}

/// Eight chairs with a monitor each.
func setup() -> [ClinicEventPayload] {
    (0..<8).flatMap { index -> [ClinicEventPayload] in
        [
            .chairConfigured(ChairDescriptor(id: ChairID("CHAIR-\(index)"), label: "CHAIR-0\(index)")),
            .deviceRegistered(DeviceDescriptor(
                id: DeviceID("MON\(index)"), label: "MON\(index)", kind: .monitor, chair: ChairID("CHAIR-\(index)"),
                isSimulated: true, expectedInterval: 1, timeout: 10)),
        ]
    }
}

/// A typical monitor message: HR, SpO2, RR.
func vitals(chair: Int, step: Int) -> ClinicEventPayload {
    let time = Date(timeIntervalSinceReferenceDate: 763_000_000 + Double(step) * 0.125)
    return .vitalsObserved(VitalsObservation(
        chair: ChairID("CHAIR-\(chair)"), device: DeviceID("MON\(chair)"),
        samples: [
            VitalSample(kind: .heartRate, value: 60 + Double(step % 40), measuredAt: time),
            VitalSample(kind: .spo2, value: 95 + Double(step % 5), measuredAt: time),
            VitalSample(kind: .respiratoryRate, value: 12 + Double(step % 6), measuredAt: time),
        ]))
}
