import ClinicApp
import Foundation
import Synchronization
import Testing

/// The event → screen probe: which publishes count, from when to when, and its report.
/// Time is a manual nanosecond counter; nothing sleeps.
@Suite("LatencyProbe")
struct LatencyProbeTests {
    /// A settable monotonic clock in nanoseconds.
    final class ManualNanoseconds: Sendable {
        private let value = Atomic<UInt64>(0)
        func set(microseconds: UInt64) { value.store(microseconds * 1_000, ordering: .relaxed) }
        var now: @Sendable () -> UInt64 { { [self] in value.load(ordering: .relaxed) } }
    }

    let clock = ManualNanoseconds()
    let probe: LatencyProbe

    init() {
        probe = LatencyProbe(reportPath: URL(fileURLWithPath: "/dev/null"), now: clock.now)
    }

    /// Runs `body` on a thread that is not the probe's owner (a device adapter's, say).
    func onPublisherThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        done.wait()  // a hand-off, not a timed wait: the thread runs `body` and signals
    }

    /// The histogram keeps two significant digits: a value reads back within 1 %.
    func isAbout(_ value: UInt64, _ expected: UInt64) -> Bool {
        value >= expected && value <= expected + expected / 100
    }

    @Test func timesFromThePublishAndFromTheDrainToThePresent() {
        clock.set(microseconds: 1_000)
        probe.notePublish()
        clock.set(microseconds: 1_500)
        probe.beginDrain()
        probe.drained(3)
        clock.set(microseconds: 4_000)
        probe.didPresent()
        let summary = probe.summary
        #expect(summary.publishToPresent.samples == 1)
        #expect(isAbout(summary.publishToPresent.p99, 3_000))
        #expect(isAbout(summary.drainToPresent.p50, 2_500))
        #expect(summary.events == 3)
    }

    @Test func stampsOfADrainThatFoundNothingAreDropped() {
        probe.notePublish()
        probe.beginDrain()
        probe.drained(0)
        clock.set(microseconds: 9_000)
        probe.didPresent()
        #expect(probe.summary.publishToPresent.samples == 0)
        #expect(probe.summary.drainToPresent.samples == 0)
    }

    @Test func aStampTakenAfterTheDrainBeganWaitsForTheNextDrain() {
        clock.set(microseconds: 500)
        probe.beginDrain()
        onPublisherThread { [clock, probe] in
            clock.set(microseconds: 1_000)
            probe.notePublish()
        }
        probe.drained(1)
        clock.set(microseconds: 2_000)
        probe.didPresent()
        #expect(probe.summary.publishToPresent.samples == 0)
        clock.set(microseconds: 3_000)
        probe.beginDrain()
        probe.drained(2)
        clock.set(microseconds: 4_000)
        probe.didPresent()
        #expect(probe.summary.publishToPresent.samples == 1)
        #expect(isAbout(probe.summary.publishToPresent.max, 3_000))
    }

    @Test func publishesOnTheUIThreadItselfAreNotStamped() {
        probe.beginDrain()
        probe.drained(0)
        probe.notePublish()  // the model's own alarm transitions, applied in the same update
        probe.beginDrain()
        probe.drained(1)
        probe.didPresent()
        #expect(probe.summary.publishToPresent.samples == 0)
    }

    @Test func theReportIsOneLinePerMeasure() {
        clock.set(microseconds: 10)
        probe.notePublish()
        probe.beginDrain()
        probe.drained(1)
        clock.set(microseconds: 20_010)
        probe.didPresent()
        let lines = probe.summary.text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("latency=publish_to_present samples=1 p50_us=20"))
        #expect(lines[2] == "events=1 skipped_in_warm_up=0")
        #expect(lines[3] == "publish_to_present_us=20000")
    }

    @Test func publishesDuringTheWarmUpAreNotCounted() {
        let warm = LatencyProbe(reportPath: URL(fileURLWithPath: "/dev/null"), warmUp: 5, now: clock.now)
        clock.set(microseconds: 4_999_000)
        warm.notePublish()
        warm.beginDrain()
        warm.drained(4_000)
        clock.set(microseconds: 5_100_000)
        warm.didPresent()
        #expect(warm.summary.publishToPresent.samples == 0)
        #expect(warm.summary.drainToPresent.samples == 0)
        #expect(warm.summary.skipped == 1)
        onPublisherThread { warm.notePublish() }
        warm.beginDrain()
        warm.drained(1)
        clock.set(microseconds: 5_101_000)
        warm.didPresent()
        #expect(warm.summary.publishToPresent.samples == 1)
        #expect(warm.summary.rawPublishToPresent == [1_000])
    }

    @Test func isOffWithoutTheEnvironmentVariable() {
        #expect(LatencyProbe.fromEnvironment([:]) == nil)
        #expect(LatencyProbe.fromEnvironment(["INFUSION_CENTRAL_LATENCY_REPORT": "/tmp/x"])?.reportPath.path == "/tmp/x")
    }
}
