public import EventBus
public import Foundation
public import InfusionCore
import Synchronization

/// Journals every bus event: vitals in batches on its own scheduler, operator actions
/// durably before anyone sees them (see ``commitDurably(_:)``).
///
/// The writer subscribes to the bus with ``OverflowPolicy/neverDrop`` when it is made, so
/// make it right after the bus (started at `recovered.lastSequence + 1`) and before any
/// device publishes. Every `batchInterval` (or once `batchSize` events are pending) it
/// drains its feed and appends the events in one transaction (`synchronous = NORMAL`:
/// safe against a crash of the program; a durable commit syncs everything before it too).
///
/// When the database cannot be written, events stay in memory in order, ``health`` says
/// failing with the reason, durable commits throw, and the writer retries with backoff on
/// its ticks, reopening the database, until a write succeeds.
///
/// ```swift
/// let recovered = try JournalRecovery.load(from: store)
/// let bus = EventBus<ClinicEventPayload>(now: clock.now, firstSequence: recovered.lastSequence + 1)
/// let writer = JournalWriter(bus: bus, store: store, recovered: recovered)
/// writer.start()
/// ```
public final class JournalWriter: Sendable {
    private let bus: EventBus<ClinicEventPayload>
    private let feed: Subscription<ClinicEventPayload>
    private let scheduler: any JournalScheduler
    private let policy: JournalPolicy
    private let core: Mutex<WriterCore>
    private let currentHealth: Mutex<JournalHealth>
    /// Wakes the writer early when `batchSize` events are pending.
    private let trigger: BatchTrigger
    private let tickGate: TickGate

    /// Makes a writer that continues the journal after `recovered`.
    ///
    /// - Parameters:
    ///   - store: The open journal, or `nil` if it could not be opened at start (the
    ///     writer then starts failing and keeps trying `reopen`).
    ///   - snapshotScheduler: Where snapshots are encoded and stored and checkpoints run;
    ///     `nil` gives them a serial queue of their own (tests pass their manual scheduler).
    ///   - reopen: Opens the journal again after a failure (a read-only file may have
    ///     become writable).
    public init(
        bus: EventBus<ClinicEventPayload>, store: JournalStore?, recovered: RecoveredJournal,
        policy: JournalPolicy = JournalPolicy(), scheduler: any JournalScheduler = DispatchJournalScheduler(),
        snapshotScheduler: (any JournalScheduler)? = nil,
        reopen: @escaping @Sendable () throws(JournalError) -> JournalStore
    ) {
        self.bus = bus
        self.scheduler = scheduler
        self.policy = policy
        let background = snapshotScheduler ?? DispatchJournalScheduler(label: "infusion-central.journal.background")
        var initial = WriterCore(
            policy: policy, openStore: reopen,
            snapshots: SnapshotTaker(scheduler: background),
            checkpoints: SingleFlight(scheduler: background),
            store: store,
            tip: ChainTip(sequence: recovered.lastSequence, hash: recovered.lastHash), state: recovered.state,
            eventsSinceSnapshot: recovered.eventsSinceSnapshot, lastSnapshotAt: recovered.lastSnapshotAt)
        if store == nil { initial.failureReason = "journal not open" }
        currentHealth = Mutex(initial.health)
        core = Mutex(initial)
        let trigger = BatchTrigger(threshold: policy.batchSize)
        self.trigger = trigger
        let gate = TickGate()
        tickGate = gate
        feed = bus.subscribe(name: "journal", capacity: policy.batchSize, overflow: .neverDrop) {
            trigger.published()
            gate.published()
        }
        trigger.connect { [weak self] in self?.scheduler.schedule(after: 0) { [weak self] in self?.flushPending() } }
        gate.connect { [weak self] in self?.scheduleTick() }
    }

    /// Makes a writer for the journal file at `path`, opening it (a failure to open is
    /// reported through ``health`` and retried, never thrown: monitoring must start).
    public convenience init(
        bus: EventBus<ClinicEventPayload>, path: URL, recovered: RecoveredJournal,
        policy: JournalPolicy = JournalPolicy(), scheduler: any JournalScheduler = DispatchJournalScheduler(),
        snapshotScheduler: (any JournalScheduler)? = nil
    ) {
        let busyTimeout = policy.busyTimeout
        let open: @Sendable () throws(JournalError) -> JournalStore = { () throws(JournalError) in
            try JournalStore(path: path, busyTimeout: busyTimeout)
        }
        self.init(
            bus: bus, store: try? open(), recovered: recovered, policy: policy, scheduler: scheduler,
            snapshotScheduler: snapshotScheduler, reopen: open)
    }

    /// The writer's condition now; cheap and safe from any thread (the UI reads it per frame).
    public var health: JournalHealth {
        currentHealth.withLock { $0 }
    }

    /// The state as committed to disk so far (what a recovery now would give).
    public var committedState: ClinicState {
        core.withLock { $0.state }
    }

    // MARK: - Running

    /// Starts the batch ticks on the scheduler.
    public func start() {
        let wasRunning = core.withLock { core in
            defer { core.isRunning = true }
            return core.isRunning
        }
        if !wasRunning {
            tickGate.reset()
            scheduleTick()
        }
    }

    /// Stops the ticks and writes what is pending; returns the health after that last write
    /// (failing if events could not be written: they are then lost with the process).
    @discardableResult
    public func stop() -> JournalHealth {
        core.withLock { $0.isRunning = false }
        try? flush()
        return health
    }

    /// Drains the feed and writes everything pending now, on the caller's thread.
    ///
    /// Throws if the write failed (the events stay pending and ``health`` says why).
    public func flush() throws(JournalError) {
        try withCore { (core) throws(JournalError) in
            takeFeed(into: &core)
            try core.write(durable: false)
        }
    }

    /// One batch tick: drain, write unless waiting out a retry backoff, schedule the next.
    ///
    /// When everything is written and nothing is failing, the tick lapses instead: an idle
    /// writer wakes no thread four times a second, and the next event published schedules
    /// the tick again (``TickGate``), so it is written within one batch interval as before.
    func tick() {
        let next = withCore { core -> TickAfter in
            guard core.isRunning else { return .stop }
            writePending(&core)
            return core.unwritten.isEmpty && core.ticksUntilRetry == 0 && core.failureReason == nil ? .lapse : .again
        }
        switch next {
        case .again: scheduleTick()
        case .lapse: if tickGate.lapse(unlessPending: { trigger.hasPending }) { scheduleTick() }
        case .stop: break
        }
    }

    private enum TickAfter { case again, lapse, stop }

    /// Whether a batch tick is scheduled now (false while it has lapsed for want of events).
    var isTickScheduled: Bool { !tickGate.hasLapsed }

    /// An early write because `batchSize` events piled up.
    private func flushPending() {
        withCore { core in writePending(&core) }
    }

    private func writePending(_ core: inout WriterCore) {
        takeFeed(into: &core)
        if core.ticksUntilRetry > 0 {
            core.ticksUntilRetry -= 1
        } else {
            try? core.write(durable: false)
        }
    }

    private func takeFeed(into core: inout WriterCore) {
        trigger.reset()
        core.unwritten.append(contentsOf: feed.drain())
    }

    private func scheduleTick() {
        scheduler.schedule(after: policy.batchInterval) { [weak self] in self?.tick() }
    }

    /// Runs `body` under the writer lock, then publishes the health it left.
    ///
    /// Lock order: the writer lock, then the bus lock (drain, durable publish), never the reverse.
    func withCore<T: Sendable, Failure: Error>(
        _ body: @Sendable (inout WriterCore) throws(Failure) -> T
    ) throws(Failure) -> T {
        let (result, health) = core.withLock { core -> (Result<T, Failure>, JournalHealth) in
            let result: Result<T, Failure>
            do throws(Failure) {
                result = .success(try body(&core))
            } catch {
                result = .failure(error)
            }
            return (result, core.health)
        }
        currentHealth.withLock { $0 = health }
        return try result.get()
    }

    /// The durable path needs the bus and the feed.
    var durableContext: (bus: EventBus<ClinicEventPayload>, feed: Subscription<ClinicEventPayload>, scheduler: any JournalScheduler) {
        (bus, feed, scheduler)
    }
}

/// Fires once when the pending count reaches the threshold; re-armed by each drain
/// (the counter restarts from 0). Counted on the publishers' threads, lock-free.
private final class BatchTrigger: Sendable {
    private let threshold: Int
    private let pending = Atomic<Int>(0)
    private let action = LateBoundAction()

    init(threshold: Int) { self.threshold = max(threshold, 1) }

    /// Called after each publish to the journal's feed.
    func published() {
        if pending.add(1, ordering: .relaxed).newValue == threshold { action() }
    }

    /// Called when the feed is drained.
    func reset() { pending.store(0, ordering: .relaxed) }

    /// Whether anything was published since the last drain.
    var hasPending: Bool { pending.load(ordering: .sequentiallyConsistent) > 0 }

    func connect(_ action: @escaping @Sendable () -> Void) { self.action.connect(action) }
}

/// Whether the writer's batch tick has lapsed (nothing pending, nothing failing), and the
/// hand-off that schedules it again on the next publish. Exactly one of a lapsing tick
/// and a racing publisher schedules the next tick: the flag is swapped, not just read.
private final class TickGate: Sendable {
    private let lapsed = Atomic<Bool>(false)
    private let schedule = LateBoundAction()

    func connect(_ schedule: @escaping @Sendable () -> Void) { self.schedule.connect(schedule) }

    var hasLapsed: Bool { lapsed.load(ordering: .sequentiallyConsistent) }

    /// The writer (re)starts with a tick of its own.
    func reset() { lapsed.store(false, ordering: .sequentiallyConsistent) }

    /// After each publish: schedules the tick if it had lapsed.
    func published() {
        guard lapsed.load(ordering: .sequentiallyConsistent),
            lapsed.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged
        else { return }
        schedule()
    }

    /// Lets the tick lapse; returns true when an event came in since the tick's drain and
    /// the caller must schedule the next tick itself (its publisher saw no lapse yet).
    func lapse(unlessPending hasPending: () -> Bool) -> Bool {
        lapsed.store(true, ordering: .sequentiallyConsistent)
        return hasPending() && lapsed.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged
    }
}
