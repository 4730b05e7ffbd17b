import EventBus
import Foundation
import GRDB
import InfusionCore
import Synchronization
@testable import Journal

/// A journal in a temporary directory with a bus, a writer on a manual scheduler, and a
/// "live" subscriber that reduces every event exactly as the model would without overload.
final class JournalHarness {
    let directory: TemporaryDirectory
    let clock = StepClock()
    let scheduler = ManualScheduler()
    let bus: EventBus<ClinicEventPayload>
    let writer: JournalWriter
    let store: JournalStore
    let live: Subscription<ClinicEventPayload>
    private(set) var liveState: ClinicState
    /// When set, the writer's reopen gives a read-only connection (a read-only journal).
    let readOnlyFlag = Flag()

    var path: URL { directory.journalPath }

    /// - Parameters:
    ///   - directory: An existing journal's directory, to restart on it.
    ///   - startReadOnly: The writer starts without a store and opens read-only until
    ///     `forceReadOnly` is cleared.
    init(policy: JournalPolicy = JournalPolicy(), directory existing: TemporaryDirectory? = nil, startReadOnly: Bool = false) throws {
        directory = existing ?? TemporaryDirectory()
        let path = directory.journalPath
        store = try JournalStore(path: path, busyTimeout: 0)
        let recovered = try JournalRecovery.load(from: store)
        readOnlyFlag.set(startReadOnly)
        liveState = recovered.state
        bus = EventBus(now: clock.now, firstSequence: recovered.lastSequence + 1)
        let flag = readOnlyFlag
        writer = JournalWriter(
            bus: bus, store: startReadOnly ? nil : store, recovered: recovered, policy: policy, scheduler: scheduler,
            snapshotScheduler: scheduler, reopen: { () throws(JournalError) -> JournalStore in
                try JournalStore(path: path, readOnly: flag.isSet, busyTimeout: 0)
            })
        live = bus.subscribe(name: "live", capacity: 1024, overflow: .neverDrop)
    }

    /// Publishes payloads as devices would.
    func publish(_ payloads: [ClinicEventPayload]) {
        for payload in payloads { bus.publish(payload) }
    }

    /// Reduces what the live subscriber has received; returns the deliveries.
    @discardableResult
    func updateLive() -> [Delivery<ClinicEventPayload>] {
        let deliveries = live.drain()
        for delivery in deliveries {
            ClinicReducer.reduce(
                &liveState, ClinicEvent(sequence: delivery.sequence, receivedAt: delivery.publishedAt, payload: delivery.message))
        }
        return deliveries
    }

    /// Sequence numbers in the `event` table, in order.
    func storedSequences() throws -> [UInt64] {
        try store.database.read { db in try Int64.fetchAll(db, sql: "SELECT sequence FROM event ORDER BY sequence") }
            .map(UInt64.init)
    }

    /// Kinds in the `event` table, in sequence order.
    func storedKinds() throws -> [String] {
        try store.database.read { db in try String.fetchAll(db, sql: "SELECT kind FROM event ORDER BY sequence") }
    }

    /// Runs raw SQL on the journal, as someone with the `sqlite3` shell could.
    static func tamper(_ path: URL, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path.path)
        try queue.write { db in try db.execute(sql: sql) }
    }
}

/// A boolean shared with the writer's reopen closure.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set(_ newValue: Bool) { value.store(newValue, ordering: .relaxed) }
}
