public import Foundation

/// Drives the real `infusion-central` binary in a detached tmux pane of a fixed size,
/// for end-to-end tests: send keys, read the screen.
///
/// Waiting here is a real wait and cannot be replaced by an injected clock: the program
/// under test is another process drawing on a real terminal. Every wait polls the pane
/// and ends as soon as the expected text is on screen, with a generous deadline so that
/// a slow CI machine only makes the test slower, never wrong.
public final class TmuxSession {
    public let socket: String
    public let width: Int
    public let height: Int

    /// Starts `arguments` (the binary first) in a new pane with `LANG=C.UTF-8`.
    public init(arguments: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "ic-test-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        var assignments = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { assignments.append("\(key)=\(value)") }
        let command = "env " + (assignments + arguments).map(Self.shellQuoted).joined(separator: " ")
            + "; echo EXITED:$?; sleep 60"
        try Self.tmux(["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e",
                       "-x", String(width), "-y", String(height), command])
    }

    /// The visible screen, one line per row.
    public func capture() -> String {
        (try? Self.tmux(["-L", socket, "capture-pane", "-p", "-t", "e2e"])) ?? ""
    }

    /// Sends keys as tmux names them (`"Enter"`, `"Escape"`, `"Down"`, `"q"`).
    public func send(_ keys: String...) throws {
        try Self.tmux(["-L", socket, "send-keys", "-t", "e2e"] + keys)
    }

    /// Sends literal text (no key-name lookup).
    public func type(_ text: String) throws {
        try Self.tmux(["-L", socket, "send-keys", "-l", "-t", "e2e", text])
    }

    /// Polls the screen until `predicate` holds or `deadline` seconds pass; returns the last screen.
    @discardableResult
    public func waitFor(deadline: TimeInterval = 30, _ predicate: (String) -> Bool) -> String {
        let end = Date().addingTimeInterval(deadline)
        var screen = capture()
        while !predicate(screen), Date() < end {
            Thread.sleep(forTimeInterval: 0.1)  // a real wait: see the type's documentation
            screen = capture()
        }
        return screen
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, deadline: TimeInterval = 30) -> String {
        waitFor(deadline: deadline) { $0.contains(text) }
    }

    public func close() {
        _ = try? Self.tmux(["-L", socket, "kill-server"])
    }

    deinit { close() }

    /// The tmux binary is available and works.
    public static var isAvailable: Bool { (try? tmux(["-V"])) != nil }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TmuxError(arguments: arguments, status: process.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A tmux command failed.
public struct TmuxError: Error, CustomStringConvertible {
    public var arguments: [String]
    public var status: Int32
    public var description: String { "tmux \(arguments.joined(separator: " ")) exited \(status)" }
}

/// Finds the built `infusion-central` binary for end-to-end tests.
public enum BuiltProduct {
    /// `$INFUSION_CENTRAL_BIN`, else `.build/debug/infusion-central` in the package root.
    public static func infusionCentral(filePath: String = #filePath) -> String {
        if let explicit = ProcessInfo.processInfo.environment["INFUSION_CENTRAL_BIN"] { return explicit }
        return packageRoot(filePath: filePath).appendingPathComponent(".build/debug/infusion-central").path
    }

    /// The package root (the folder holding `Package.swift`).
    public static func packageRoot(filePath: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}
