import EventBus
import Foundation
import InfusionCore
import Journal
import Synchronization

/// A journal written the way the station writes one: payloads published on an
/// `EventBus` at scripted times and committed by a `JournalWriter` (flushed by hand; no
/// scheduler runs and nothing sleeps).
final class ScriptedJournal {
    let directory = TemporaryDirectory()
    var path: URL { directory.url.appendingPathComponent("journal.sqlite") }

    /// Writes `script` (times are the bus receipt times) into a new journal.
    init(_ script: SessionScript) throws {
        let store = try JournalStore(path: path, busyTimeout: 0)
        let recovered = try JournalRecovery.load(from: store)
        let clock = ScriptClock()
        let bus = EventBus<ClinicEventPayload>(now: { clock.now }, firstSequence: recovered.lastSequence + 1)
        let writer = JournalWriter(
            bus: bus, store: store, recovered: recovered, scheduler: IdleScheduler(), snapshotScheduler: IdleScheduler(),
            reopen: { () throws(JournalError) -> JournalStore in store })
        for entry in script.entries {
            clock.set(entry.time)
            bus.publish(entry.payload)
        }
        try writer.flush()
    }
}

/// The bus clock: the time of the entry being published.
private final class ScriptClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 0))
    var now: Date { current.withLock { $0 } }
    func set(_ date: Date) { current.withLock { $0 = date } }
}

/// A scheduler that never runs anything: the test flushes the writer itself.
private struct IdleScheduler: JournalScheduler {
    func schedule(after delay: TimeInterval, _ work: @escaping @Sendable () -> Void) {}
}

/// A fresh directory under the system's temporary folder, removed when released.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("reports-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
