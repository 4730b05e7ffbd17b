public import Foundation
import Glibc
import Histogram
import Synchronization

/// Measures event → screen latency: from a publish on the bus to just after
/// `CursesTerminal.present` has written the frame that includes it (issue 8, goal p99 ≤ 20 ms).
///
/// Off unless `INFUSION_CENTRAL_LATENCY_REPORT=/path` is set (``fromEnvironment(_:)``); the
/// report (p50/p90/p99/p99.9/max in microseconds, and the raw publish → present values for
/// pooling several runs) is written there when the UI loop ends. Publishes in the first
/// `INFUSION_CENTRAL_LATENCY_WARMUP` seconds (default 5) are not counted: they include the
/// demo's warm-up (80 simulated minutes of history reduced in one batch), which is start-up,
/// not an event reaching the screen.
///
/// **What is measured, and why this way.** The bus stamps each delivery with its injected
/// clock (`publishedAt`), which runs `--speed` times faster in a simulation and is wall time
/// (`Date`, not monotonic) otherwise, so it cannot time a few milliseconds of real work.
/// Instead the model's `onPublish` hook (called on the publisher's thread right after the
/// publish appended to the model's buffer) is wrapped to read `CLOCK_MONOTONIC`:
/// - `publish → present`: one sample per publish call (a simulation tick or an HL7 message
///   publishes its events as one batch with one timestamp, so every event of the batch has
///   this latency). It covers the wake-up pipe, `poll` returning, the drain, the reduce,
///   rendering, diffing and the terminal write.
/// - `drain → present`: one sample per frame that drained events: the UI thread's own part.
///
/// Stamps are taken just before the model drains; a stamp taken after that moment waits for
/// the next drain that finds events, so in the rare race where a publisher is pre-empted
/// between its append and its stamp the sample is an over-estimate, never an under-estimate.
/// Publishes made on the UI thread itself (the alarm evaluator's transitions, applied in the
/// same `update`) are not stamped. Times are monotonic nanoseconds; results in microseconds.
public final class LatencyProbe: Sendable {
    /// Where the report goes.
    public let reportPath: URL
    private let now: @Sendable () -> UInt64
    private let state: Mutex<ProbeState>
    /// The UI thread (`pthread_self`), learnt at the first `beginDrain`; 0 until then.
    private let owner = Atomic<UInt>(0)

    /// - Parameters:
    ///   - warmUp: seconds from now during which publishes are not counted.
    ///   - now: monotonic nanoseconds (tests inject a manual clock).
    public init(
        reportPath: URL, warmUp: Double = 0, now: @escaping @Sendable () -> UInt64 = LatencyProbe.monotonicNanoseconds
    ) {
        self.reportPath = reportPath
        self.now = now
        state = Mutex(ProbeState(countFrom: now() + UInt64(max(0, warmUp) * 1e9)))
    }

    /// A probe writing to `$INFUSION_CENTRAL_LATENCY_REPORT`, or nil when it is unset (no cost).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> LatencyProbe? {
        guard let path = environment["INFUSION_CENTRAL_LATENCY_REPORT"], !path.isEmpty else { return nil }
        let warmUp = environment["INFUSION_CENTRAL_LATENCY_WARMUP"].flatMap(Double.init) ?? 5
        return LatencyProbe(reportPath: URL(fileURLWithPath: path), warmUp: warmUp)
    }

    /// `CLOCK_MONOTONIC` in nanoseconds.
    @Sendable public static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Wraps the model's `onPublish` hook (the wake pipe) so that each publish is stamped first.
    public func stamping(_ wakeUp: @escaping @Sendable () -> Void) -> @Sendable () -> Void {
        { [self] in
            notePublish()
            wakeUp()
        }
    }

    /// Called on the publisher's thread after a publish reached the model's buffer.
    public func notePublish() {
        if UInt(pthread_self()) == owner.load(ordering: .relaxed) { return }
        let stamp = now()
        state.withLock { $0.published(at: stamp) }
    }

    /// Called on the UI thread right before the model drains the bus.
    public func beginDrain() {
        owner.store(UInt(pthread_self()), ordering: .relaxed)
        let stamp = now()
        state.withLock { $0.beginDrain(at: stamp) }
    }

    /// Called after the drain with how many events it applied (0: the stamps taken belonged
    /// to events already shown, and are dropped).
    public func drained(_ count: Int) {
        state.withLock { $0.drained(count) }
    }

    /// Called right after `present` wrote a frame.
    public func didPresent() {
        let stamp = now()
        state.withLock { $0.presented(at: stamp) }
    }

    /// The figures so far.
    public var summary: LatencySummary {
        state.withLock { LatencySummary($0) }
    }

    /// Writes ``summary`` to ``reportPath``; a failure is returned, not thrown (the station
    /// is stopping, and the report is a benchmark aid).
    @discardableResult
    public func writeReport() -> (any Error)? {
        do {
            try summary.text.write(to: reportPath, atomically: true, encoding: .utf8)
            return nil
        } catch {
            return error
        }
    }
}

/// The probe's figures: p50/p90/p99/p99.9/max of both latencies, in microseconds.
public struct LatencySummary: Sendable, Equatable {
    /// One line of figures for one histogram.
    public struct Line: Sendable, Equatable {
        public var samples: UInt64
        public var p50: UInt64
        public var p90: UInt64
        public var p99: UInt64
        public var p999: UInt64
        public var max: UInt64
    }

    /// Publish → present, one sample per publish call.
    public var publishToPresent: Line
    /// Drain → present, one sample per frame that drained events.
    public var drainToPresent: Line
    /// Events applied by the drains that were measured.
    public var events: UInt64
    /// Publishes not counted because they came during the warm-up.
    public var skipped: UInt64
    /// The first publish → present values in microseconds, in order (at most ``ProbeState/rawLimit``).
    public var rawPublishToPresent: [UInt32]

    init(_ state: ProbeState) {
        publishToPresent = Line(state.publishToPresent)
        drainToPresent = Line(state.drainToPresent)
        events = state.events
        skipped = state.skipped
        rawPublishToPresent = state.raw
    }

    /// `key=value` lines, one per histogram, for scripts (`scripts/perf-*.sh`).
    public var text: String {
        func format(_ name: String, _ line: Line) -> String {
            "latency=\(name) samples=\(line.samples) p50_us=\(line.p50) p90_us=\(line.p90) p99_us=\(line.p99) "
                + "p999_us=\(line.p999) max_us=\(line.max)\n"
        }
        return format("publish_to_present", publishToPresent) + format("drain_to_present", drainToPresent)
            + "events=\(events) skipped_in_warm_up=\(skipped)\n"
            + "publish_to_present_us=" + rawPublishToPresent.map(String.init).joined(separator: ",") + "\n"
    }
}

extension LatencySummary.Line {
    init(_ histogram: Histogram<UInt64>) {
        let empty = histogram.totalCount == 0
        func at(_ percentile: Double) -> UInt64 { empty ? 0 : histogram.valueAtPercentile(percentile) }
        self.init(
            samples: histogram.totalCount, p50: at(50), p90: at(90), p99: at(99), p999: at(99.9),
            max: empty ? 0 : histogram.max)
    }
}

/// What the probe's lock protects.
struct ProbeState {
    /// Microseconds, 1 µs to 10 s (longer is recorded as 10 s), two significant digits (1 %):
    /// small (about 16 KiB each), so that the probe hardly shows in the RSS it runs beside.
    var publishToPresent = Histogram<UInt64>(highestTrackableValue: 10_000_000, numberOfSignificantValueDigits: .two)
    var drainToPresent = Histogram<UInt64>(highestTrackableValue: 10_000_000, numberOfSignificantValueDigits: .two)
    var events: UInt64 = 0
    var skipped: UInt64 = 0
    /// Raw publish → present values (µs), for pooling runs; capacity reserved up front.
    var raw: [UInt32] = []
    static let rawLimit = 10_000
    /// Monotonic time before which publishes are not counted (the warm-up).
    let countFrom: UInt64
    /// Publish stamps not yet taken by a drain.
    private var pending: [UInt64] = []
    /// Stamps whose events the last drains applied, waiting for the next present.
    private var drawn: [UInt64] = []
    private var taken: [UInt64] = []
    private var drainStartedAt: UInt64?
    private var frameDrainStartedAt: UInt64?
    /// A bound on stored stamps: a stalled UI must not grow memory (the oldest are kept).
    static let stampLimit = 65_536

    init(countFrom: UInt64) {
        self.countFrom = countFrom
        raw.reserveCapacity(Self.rawLimit)
    }

    mutating func published(at stamp: UInt64) {
        guard stamp >= countFrom else {
            skipped += 1
            return
        }
        if pending.count < Self.stampLimit { pending.append(stamp) }
    }

    mutating func beginDrain(at stamp: UInt64) {
        taken = pending
        pending.removeAll(keepingCapacity: true)
        drainStartedAt = stamp
    }

    mutating func drained(_ count: Int) {
        guard count > 0 else {
            taken.removeAll(keepingCapacity: true)
            return
        }
        events += UInt64(count)
        if drawn.count < Self.stampLimit { drawn.append(contentsOf: taken.prefix(Self.stampLimit - drawn.count)) }
        taken.removeAll(keepingCapacity: true)
        if frameDrainStartedAt == nil, let start = drainStartedAt, start >= countFrom { frameDrainStartedAt = start }
    }

    mutating func presented(at stamp: UInt64) {
        for published in drawn {
            let micros = Self.record(&publishToPresent, from: published, to: stamp)
            if raw.count < Self.rawLimit { raw.append(UInt32(micros)) }
        }
        drawn.removeAll(keepingCapacity: true)
        if let start = frameDrainStartedAt { Self.record(&drainToPresent, from: start, to: stamp) }
        frameDrainStartedAt = nil
    }

    /// Records the interval in microseconds (at least 1, at most the histogram's highest) and returns it.
    @discardableResult
    private static func record(_ histogram: inout Histogram<UInt64>, from start: UInt64, to end: UInt64) -> UInt64 {
        let micros = min(max(end > start ? (end - start) / 1_000 : 0, 1), histogram.highestTrackableValue)
        histogram.record(micros)
        return micros
    }
}
