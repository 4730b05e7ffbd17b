public import Foundation

/// What the command line asked for, after parsing; `ClinicLauncher` turns it into a running station.
public struct RunOptions: Sendable {
    /// Clinic TOML file; nil starts the demo clinic.
    public var configPath: String?
    public var theme: String?
    public var themesDirectory: String?
    public var seed: UInt64?
    public var speed: Double?
    /// Number of demo chairs (with no configuration file).
    public var demoChairs: Int
    public var scenarioPath: String?
    public var headless: Bool
    /// Real seconds between headless status blocks.
    public var statusInterval: TimeInterval
    /// Real seconds after which the program exits by itself (scripted checks); nil runs until quit.
    public var exitAfter: TimeInterval?
    public var logFile: String?
    /// The journal database; nil uses the default in the user's data directory.
    public var databasePath: String?
    /// No bell and no sound commands (tests, shared rooms); alarms still show.
    public var noSound: Bool

    public init(
        configPath: String? = nil, theme: String? = nil, themesDirectory: String? = nil, seed: UInt64? = nil,
        speed: Double? = nil, demoChairs: Int = 8, scenarioPath: String? = nil, headless: Bool = false,
        statusInterval: TimeInterval = 5, exitAfter: TimeInterval? = nil, logFile: String? = nil,
        noSound: Bool = false, databasePath: String? = nil
    ) {
        self.databasePath = databasePath
        self.noSound = noSound
        self.configPath = configPath
        self.theme = theme
        self.themesDirectory = themesDirectory
        self.seed = seed
        self.speed = speed
        self.demoChairs = demoChairs
        self.scenarioPath = scenarioPath
        self.headless = headless
        self.statusInterval = statusInterval
        self.exitAfter = exitAfter
        self.logFile = logFile
    }
}
