import ArgumentParser
import ClinicApp
import Devices
import EventBus
import Foundation
import InfusionCore
import Journal

/// `infusion-central dev`: tools for developers and benchmarks, hidden from `--help`.
struct Dev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Developer tools for benchmarks (not for use in a clinic).",
        shouldDisplay: false,
        subcommands: [MakeJournal.self])
}

extension Dev {
    /// Writes a journal of a long demo-clinic run, for measuring start-up on a big journal.
    ///
    /// The events are what the station itself would journal: the demo clinic's simulated
    /// devices, stepped second by second on a manual clock (no sleeping), the clinic's set-up
    /// events, and the alarm transitions the model publishes, all through the real
    /// `EventBus` and `JournalWriter` (hash chain, payload encoding, snapshots every 10,000
    /// events) in transactions of about 4,096 events. The run is placed so that it ends
    /// about now. One million events are about 30 simulated hours of 16 chairs (75 s to write, release).
    struct MakeJournal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "make-journal",
            abstract: "Write a synthetic journal of N events from a simulated demo clinic.")

        @Option(name: .long, help: "The journal file to create (must not exist unless --force).")
        var db: String

        @Option(name: .long, help: "Number of events to write.")
        var events: Int = 1_000_000

        @Option(name: .long, help: "Number of demo chairs (1-64).")
        var chairs: Int = 16

        @Option(name: .long, help: "Seed for the simulated patients.")
        var seed: UInt64 = 7

        @Flag(name: .long, help: "Replace an existing file.")
        var force = false

        func validate() throws {
            guard (1...64).contains(chairs) else { throw ValidationError("--chairs must be between 1 and 64") }
            guard events >= 1 else { throw ValidationError("--events must be at least 1") }
        }

        func run() throws {
            let url = URL(fileURLWithPath: db)
            let suffixes = ["", "-wal", "-shm"]
            if FileManager.default.fileExists(atPath: url.path) {
                guard force else { throw ValidationError("\(db) exists (use --force to replace it)") }
                for suffix in suffixes { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            }
            let started = Date()
            let configuration = ClinicConfiguration.demo(chairCount: chairs)
            let span = Double(events) / Self.eventsPerSecond(configuration, seed: seed)
            let written = try Self.write(
                events: events, configuration: configuration, seed: seed, endingAt: Date(), span: span, to: url)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            print(String(
                format: "wrote %d events (%.1f simulated hours, %d chairs) to %@ in %.1f s; %.0f MB",
                written.count, written.hours, chairs, db, Date().timeIntervalSince(started), Double(size) / 1e6))
        }

        /// The demo clinic's rate of events, from 30 simulated minutes (to place the run so it ends now).
        static func eventsPerSecond(_ configuration: ClinicConfiguration, seed: UInt64) -> Double {
            let origin = Date(timeIntervalSince1970: 1_800_000_000)
            var clinic = SimulatedClinic(configuration: plan(configuration, seed: seed, startTime: origin + 3600, history: 3600))
            _ = clinic.advance(to: origin + 1800)
            let count = clinic.advance(to: origin + 3600).count
            return max(1, Double(count) / 1800)
        }

        /// The simulation plan as `ClinicRuntime` makes it for the demo clinic.
        static func plan(
            _ configuration: ClinicConfiguration, seed: UInt64, startTime: Date, history: TimeInterval
        ) -> SimulationConfiguration {
            let settings = configuration.simulation ?? SimulationSettings()
            var plan = DemoClinic.make(
                seed: seed, chairCount: configuration.chairs.count, startTime: startTime, history: history,
                observationMinimum: settings.observationMinimum)
            plan.clinicName = configuration.clinicName
            for index in plan.chairs.indices where index < configuration.chairs.count {
                plan.chairs[index].chair = configuration.chairs[index]
            }
            plan.monitor.nibpWhileInfusing = settings.nibpIntervalInfusing
            plan.monitor.nibpOtherwise = settings.nibpIntervalOther
            return plan
        }

        /// Steps the simulation from `end - span` and journals until `events` are written.
        static func write(
            events: Int, configuration: ClinicConfiguration, seed: UInt64, endingAt end: Date, span: TimeInterval,
            to url: URL
        ) throws -> (count: Int, hours: Double) {
            let origin = end - span
            let clock = ManualClock(origin)
            let store = try JournalStore(path: url)
            let bus = EventBus<ClinicEventPayload>(now: { clock.now() })
            // Snapshots inline: the file must have them as the station's would, and this
            // command exits right after the last write.
            let writer = JournalWriter(
                bus: bus, store: store, recovered: .empty, scheduler: IdleScheduler(), snapshotScheduler: InlineScheduler()
            ) {
                () throws(JournalError) in try JournalStore(path: url)
            }
            let model = ClinicModel(bus: bus)
            var clinic = SimulatedClinic(configuration: plan(configuration, seed: seed, startTime: origin, history: 0))
            var setUp: [ClinicEventPayload] = [
                .clinicNamed(configuration.clinicName), .alarmRulesConfigured(configuration.alarms.rules),
            ]
            setUp += configuration.chairs.map { .chairConfigured($0) }
            bus.publish(contentsOf: setUp)
            var time = origin
            var flushed: UInt64 = 0
            while bus.lastSequence < UInt64(events) {
                time += 1
                clock.set(time)
                let room = events - Int(bus.lastSequence)
                bus.publish(contentsOf: Array(clinic.advance(to: time).prefix(room)))
                // The alarm transitions the live model would publish (a few may pass `events`).
                model.update(at: time, freshness: configuration.freshness)
                if bus.lastSequence - flushed >= 4_096 {
                    try writer.flush()
                    flushed = bus.lastSequence
                }
            }
            try writer.flush()
            return (Int(try store.eventCount()), (time.timeIntervalSince(origin)) / 3600)
        }
    }
}

/// A scheduler that never runs anything: `make-journal` flushes the writer itself.
private struct IdleScheduler: JournalScheduler {
    func schedule(after delay: TimeInterval, _ work: @escaping @Sendable () -> Void) {}
}

/// Runs work at once on the caller's thread.
private struct InlineScheduler: JournalScheduler {
    func schedule(after delay: TimeInterval, _ work: @escaping @Sendable () -> Void) { work() }
}
