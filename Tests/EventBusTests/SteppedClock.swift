import Foundation
import Synchronization

/// A test clock: each reading is one step later than the one before, starting at `start`.
/// Injected into the bus so timestamps are predictable and no test reads the wall clock.
final class SteppedClock: Sendable {
    private let readings = Mutex<Int>(0)
    let start: Date
    let step: TimeInterval

    init(start: Date = Date(timeIntervalSince1970: 1_700_000_000), step: TimeInterval = 1) {
        self.start = start
        self.step = step
    }

    /// The next reading: start, start + step, start + 2 step, ...
    func now() -> Date {
        let count = readings.withLock { count in
            defer { count += 1 }
            return count
        }
        return start.addingTimeInterval(step * Double(count))
    }

    /// What the `n`-th reading (from 0) returns.
    func reading(_ n: Int) -> Date {
        start.addingTimeInterval(step * Double(n))
    }
}

/// Counts calls from any thread; stands in for the UI's wake-up pipe.
final class CallCounter: Sendable {
    private let calls = Mutex<Int>(0)

    var count: Int { calls.withLock { $0 } }

    func increment() {
        calls.withLock { $0 += 1 }
    }
}

/// The messages used in these tests: a vitals sample that may be coalesced per chair, or
/// an event that must always arrive.
enum TestEvent: Sendable, Equatable {
    case vitals(chair: Int, heartRate: Int)
    case pump(chair: Int, note: String)

    /// Coalescing key: vitals per chair; pump events never coalesce.
    var vitalsKey: Int? {
        if case .vitals(let chair, _) = self { return chair }
        return nil
    }
}
