import Foundation
import InfusionCore
import Journal
import Logging
import TerminalUI

/// The same wiring without a terminal: one status line per chair every few seconds.
///
/// For servers (the HL7 adapter as a service) and scripted checks. Stops on SIGINT or
/// SIGTERM, or after `--exit-after` seconds.
final class HeadlessLoop {
    private let runtime: ClinicRuntime
    private let options: RunOptions
    private let logger: Logger

    init(runtime: ClinicRuntime, options: RunOptions, logger: Logger) {
        self.runtime = runtime
        self.options = options
        self.logger = logger
    }

    func run() -> Int32 {
        let stop = StopSignals()
        let model = ClinicModel(bus: runtime.bus, initialState: runtime.recovered.state)
        runtime.start()
        defer { runtime.stop() }
        let startedAt = Date()
        let timeFormatter = ISO8601DateFormatter()
        var nextStatus = startedAt.addingTimeInterval(min(options.statusInterval, 1))
        while !stop.isRequested {
            if model.update(at: runtime.clock.now(), freshness: runtime.configuration.freshness) > 0 {
                runtime.patients.update(from: model.state)
            }
            let real = Date()
            if real >= nextStatus {
                let now = runtime.clock.now()
                var block = "== \(model.state.clinicName) \(timeFormatter.string(from: now)) "
                block += "active \(model.state.activeChairCount)/\(model.state.chairs.count)"
                block += model.state.hasSimulatedDevices ? " SIMULATED DEVICES\n" : "\n"
                for line in StatusLine.lines(for: model.state, now: now, policy: runtime.configuration.freshness) {
                    block += line + "\n"
                }
                FileHandle.standardOutput.write(Data(block.utf8))
                nextStatus = nextStatus.addingTimeInterval(options.statusInterval)
                if nextStatus < real { nextStatus = real.addingTimeInterval(options.statusInterval) }
            }
            if let exitAfter = options.exitAfter, real.timeIntervalSince(startedAt) >= exitAfter { break }
            stop.wait(seconds: min(0.1, max(0.01, nextStatus.timeIntervalSince(Date()))))
        }
        logger.info("headless run ended")
        return 0
    }
}
