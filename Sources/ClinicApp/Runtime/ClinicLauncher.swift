import Foundation
import InfusionCore
import Logging
import TerminalUI

/// Turns command-line options into a running station and returns the exit status.
public enum ClinicLauncher {
    /// Exit status for a configuration problem (`sysexits` EX_CONFIG).
    public static let configurationErrorStatus: Int32 = 78

    public static func run(_ options: RunOptions) -> Int32 {
        let configuration: ClinicConfiguration
        do {
            configuration = try resolveConfiguration(options)
        } catch {
            printError(error.description)
            return configurationErrorStatus
        }
        let logger = bootstrapLogging(options)
        logger.info("starting", metadata: [
            "config": "\(configuration.source ?? "demo")", "chairs": "\(configuration.chairs.count)",
            "simulated": "\(configuration.simulation != nil)",
        ])
        // Themes are parsed on a thread of their own while the journal opens and replays:
        // both come before the first frame, and the machine has more than one core.
        let themesLoading = options.headless ? nil : Background { loadThemes(options, logger: logger) }
        let runtime: ClinicRuntime
        do {
            runtime = try ClinicRuntime(configuration: configuration, databasePath: databasePath(options))
        } catch {
            printError(error.description)
            return configurationErrorStatus
        }
        guard let themesLoading else {
            return HeadlessLoop(runtime: runtime, options: options, logger: logger).run()
        }
        let themes = themesLoading.value
        let startTheme = themes.theme(named: options.theme ?? configuration.theme) ?? themes.themes[0]
        if startTheme.name != (options.theme ?? configuration.theme) {
            logger.warning("unknown theme, using \(startTheme.name)", metadata: ["theme": "\(options.theme ?? configuration.theme)"])
        }
        return TerminalLoop(runtime: runtime, themes: themes, theme: startTheme, options: options, logger: logger).run()
    }

    /// The configuration file (or the demo clinic) with command-line overrides applied.
    static func resolveConfiguration(_ options: RunOptions) throws(ConfigurationError) -> ClinicConfiguration {
        var configuration: ClinicConfiguration
        if let path = options.configPath {
            configuration = try ConfigurationLoader.load(path: path)
        } else {
            configuration = .demo(chairCount: options.demoChairs)
        }
        if options.seed != nil || options.speed != nil || options.scenarioPath != nil {
            guard var simulation = configuration.simulation else {
                throw ConfigurationError(
                    file: options.configPath ?? "(command line)", key: "simulation",
                    reason: "--seed, --speed and --scenario need simulated devices, and this clinic has none")
            }
            if let seed = options.seed { simulation.seed = seed }
            if let speed = options.speed { simulation.speed = speed }
            if let scenario = options.scenarioPath { simulation.scenarioPath = scenario }
            configuration.simulation = simulation
        }
        if let path = configuration.simulation?.scenarioPath, !FileManager.default.fileExists(atPath: path) {
            throw ConfigurationError(file: path, reason: "scenario file not found")
        }
        return configuration
    }

    /// The journal file: `--db`, else `journal.sqlite` in the user's data directory.
    static func databasePath(_ options: RunOptions) -> URL {
        options.databasePath.map { URL(fileURLWithPath: $0) }
            ?? AppPaths().dataDirectory.appendingPathComponent("journal.sqlite")
    }

    private static func bootstrapLogging(_ options: RunOptions) -> Logger {
        let url = options.logFile.map { URL(fileURLWithPath: $0) } ?? AppPaths().logFile
        do {
            let factory = try FileLogHandler.makeFactory(url: url)
            LoggingSystem.bootstrap(factory)
        } catch {
            printError("warning: cannot open the log file \(url.path) (\(error.localizedDescription)); logging is off")
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        }
        return Logger(label: "infusion-central")
    }

    private static func loadThemes(_ options: RunOptions, logger: Logger) -> ThemeCatalog {
        guard let directory = AppPaths.themesDirectory(explicit: options.themesDirectory) else {
            logger.warning("no themes folder found; using the built-in themes")
            return ThemeCatalog(themes: [.default, .monochrome])
        }
        let catalog = ThemeCatalog.load(directory: directory)
        for warning in catalog.warnings { logger.warning("\(warning)") }
        for error in catalog.errors { logger.error("\(error)") }
        return catalog
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("infusion-central: \(message)\n".utf8))
    }
}
