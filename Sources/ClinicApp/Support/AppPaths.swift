public import Foundation

/// Where the program keeps its files, after the XDG base directory conventions.
public struct AppPaths: Sendable {
    /// Logs and other state (`$XDG_STATE_HOME/infusion-central`, else `~/.local/state/infusion-central`).
    public var stateDirectory: URL
    /// The journal database's directory (`$XDG_DATA_HOME/infusion-central`, else `~/.local/share/infusion-central`).
    public var dataDirectory: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory(), isDirectory: true)
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value, isDirectory: true) }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        stateDirectory = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("infusion-central", isDirectory: true)
        dataDirectory = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("infusion-central", isDirectory: true)
    }

    /// The log file.
    public var logFile: URL { stateDirectory.appendingPathComponent("infusion-central.log") }

    /// Creates `directory` (and parents) readable by the owner only.
    public static func ensureDirectory(_ directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// The `themes/` folder: `--themes-dir`, `$INFUSION_CENTRAL_THEMES`, `./themes`, or the one
    /// beside the source tree the binary was built from (for `swift run` and `.build/debug/...`).
    public static func themesDirectory(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var candidates: [URL] = []
        if let explicit { return URL(fileURLWithPath: explicit, isDirectory: true) }
        if let fromEnvironment = environment["INFUSION_CENTRAL_THEMES"] {
            candidates.append(URL(fileURLWithPath: fromEnvironment, isDirectory: true))
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("themes"))
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent("themes"))
            directory.deleteLastPathComponent()
        }
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
