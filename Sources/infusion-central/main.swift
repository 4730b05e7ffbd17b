import ArgumentParser
import ClinicApp
import Foundation

/// `infusion-central`: the central station. With no arguments it runs the demo clinic.
struct InfusionCentral: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infusion-central",
        abstract: "A terminal central station for ketamine infusion chairs (not a certified medical device).",
        subcommands: [Run.self, Audit.self, User.self, Dev.self, Sessions.self, Report.self],
        defaultSubcommand: Run.self)
}

extension InfusionCentral {
    /// Runs the station: the ncurses board, or status lines with `--headless`.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run the station (the default). With no --config, a demo clinic of simulated chairs.")

        @Option(name: .long, help: "Clinic configuration file (TOML). Without it, the demo clinic runs.")
        var config: String?

        @Option(name: .long, help: "Theme name at start (default, night, high-contrast, monochrome, colorblind).")
        var theme: String?

        @Option(name: .customLong("themes-dir"), help: "Folder of theme files (default: ./themes).")
        var themesDirectory: String?

        @Option(name: .long, help: "Seed for the simulated patients: the same seed gives the same run.")
        var seed: UInt64?

        @Option(name: .long, help: "Simulated time runs this many times faster than real time.")
        var speed: Double?

        @Option(name: .long, help: "Number of chairs in the demo clinic (1-64).")
        var chairs: Int = 8

        @Option(name: .long, help: "Scenario file scripting events on simulated chairs.")
        var scenario: String?

        @Flag(name: .long, help: "Run without a terminal: print one status line per chair every few seconds.")
        var headless = false

        @Option(name: .customLong("status-interval"), help: "Seconds between headless status blocks.")
        var statusInterval: Double = 5

        @Option(name: .customLong("exit-after"), help: "Exit by itself after this many real seconds (scripted checks).")
        var exitAfter: Double?

        @Option(name: .long, help: "Journal database file (default: journal.sqlite in the user's data directory).")
        var db: String?

        @Flag(name: .customLong("no-sound"), help: "Silence the alarm bell and sound commands (alarms still show).")
        var noSound = false

        @Option(name: .customLong("log-file"), help: "Log file (default: the user's state directory).")
        var logFile: String?

        func validate() throws {
            guard (1...64).contains(chairs) else { throw ValidationError("--chairs must be between 1 and 64") }
            if let speed, !(speed > 0 && speed <= 3600) { throw ValidationError("--speed must be more than 0 and at most 3600") }
            guard statusInterval >= 0.1 else { throw ValidationError("--status-interval must be at least 0.1") }
            if let exitAfter, exitAfter <= 0 { throw ValidationError("--exit-after must be positive") }
        }

        func run() throws {
            let options = RunOptions(
                configPath: config, theme: theme, themesDirectory: themesDirectory, seed: seed, speed: speed,
                demoChairs: chairs, scenarioPath: scenario, headless: headless, statusInterval: statusInterval,
                exitAfter: exitAfter, logFile: logFile, noSound: noSound, databasePath: db)
            let status = ClinicLauncher.run(options)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

MallocTuning.apply()
InfusionCentral.main()
