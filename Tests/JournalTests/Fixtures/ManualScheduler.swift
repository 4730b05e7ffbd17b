import Foundation
import Journal
import Synchronization

/// A scheduler that runs nothing until the test advances it: no threads, no sleeping.
final class ManualScheduler: JournalScheduler {
    private struct Job {
        let due: TimeInterval
        let order: Int
        let work: @Sendable () -> Void
    }

    private let state = Mutex<(now: TimeInterval, order: Int, jobs: [Job])>((0, 0, []))
    private let lastStackAddress = Atomic<UInt>(0)

    func schedule(after delay: TimeInterval, _ work: @escaping @Sendable () -> Void) {
        var marker = 0
        lastStackAddress.store(withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }, ordering: .relaxed)
        state.withLock { state in
            state.order += 1
            state.jobs.append(Job(due: state.now + max(delay, 0), order: state.order, work: work))
        }
    }

    /// Where the stack was at the last `schedule` call: the same path to it must find it
    /// at the same depth however often it ran (a chain that grows per call would not).
    var stackAddressAtLastSchedule: UInt { lastStackAddress.load(ordering: .relaxed) }

    /// Jobs waiting.
    var pendingCount: Int { state.withLock { $0.jobs.count } }

    /// Moves time forward, running every job that falls due, in due order (jobs scheduled
    /// by a job run too if they fall due within the interval).
    func advance(by seconds: TimeInterval) {
        let end = state.withLock { $0.now + seconds }
        while let job = takeNext(dueBy: end) { job.work() }
        state.withLock { $0.now = end }
    }

    /// Runs what is due now (delay 0 jobs).
    func runReady() { advance(by: 0) }

    private func takeNext(dueBy end: TimeInterval) -> Job? {
        state.withLock { state in
            guard let index = state.jobs.indices.filter({ state.jobs[$0].due <= end })
                .min(by: { (state.jobs[$0].due, state.jobs[$0].order) < (state.jobs[$1].due, state.jobs[$1].order) })
            else { return nil }
            let job = state.jobs.remove(at: index)
            state.now = max(state.now, job.due)
            return job
        }
    }
}
