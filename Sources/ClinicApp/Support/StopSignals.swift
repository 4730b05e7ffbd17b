import Dispatch
import Foundation

/// SIGINT and SIGTERM for the headless loop: a request to stop, checked between turns.
final class StopSignals: @unchecked Sendable {
    // @unchecked: `requested` is only touched while holding `lock`; the sources are
    // created once in `init` and only cancelled in `deinit`.
    private let lock = NSLock()
    private var requested = false
    private let semaphore = DispatchSemaphore(value: 0)
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.withLock { self.requested = true }
                self.semaphore.signal()
            }
            source.resume()
            sources.append(source)
        }
    }

    var isRequested: Bool { lock.withLock { requested } }

    /// Waits up to `seconds`, returning early when a stop is requested.
    func wait(seconds: TimeInterval) {
        _ = semaphore.wait(timeout: .now() + seconds)
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
