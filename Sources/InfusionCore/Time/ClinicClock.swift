public import Foundation

/// The one source of "now" for everything that needs it.
///
/// Nothing reads `Date()` directly: the simulator may run faster than real time
/// (`--speed`) and tests advance a `ManualClock`, so no test ever sleeps.
public protocol ClinicClock: Sendable {
    func now() -> Date
}

/// Wall-clock time.
public struct SystemClock: ClinicClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// Time that runs `speed` times faster than the wall clock from a starting instant.
public struct ScaledClock: ClinicClock {
    public let speed: Double
    private let realOrigin: Date
    private let origin: Date
    private let wallClock: any ClinicClock

    /// - Parameters:
    ///   - speed: simulated seconds per real second (1 = real time).
    ///   - origin: the simulated time at start.
    ///   - wallClock: the real clock underneath (injected for tests).
    public init(speed: Double, origin: Date, wallClock: any ClinicClock = SystemClock()) {
        self.speed = max(speed, 0)
        self.wallClock = wallClock
        self.realOrigin = wallClock.now()
        self.origin = origin
    }

    public func now() -> Date {
        origin.addingTimeInterval(wallClock.now().timeIntervalSince(realOrigin) * speed)
    }
}

/// A clock that only moves when told to: for tests and replays.
public final class ManualClock: ClinicClock, @unchecked Sendable {
    // @unchecked: `current` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_741_939_200)) { current = start }

    public func now() -> Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }

    public func set(_ date: Date) { lock.withLock { current = date } }
}
