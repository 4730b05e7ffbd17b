public import Foundation
import Glibc

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
                       "-x", String(width), "-y", String(height), command], capturing: false)
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
    ///
    /// Async so that the poll gives its thread back between looks: a blocking sleep here
    /// held the test runner's few cooperative threads (two on a 2-core machine) and starved
    /// every async test running beside the end-to-end suites.
    public func waitFor(deadline: TimeInterval = 30, _ predicate: (String) -> Bool) async -> String {
        let end = Date().addingTimeInterval(deadline)
        var screen = capture()
        while !predicate(screen), Date() < end {
            try? await Task.sleep(for: .milliseconds(100))  // a real wait: see the type's documentation
            screen = capture()
        }
        return screen
    }

    /// Polls until the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, deadline: TimeInterval = 30) async -> String {
        await waitFor(deadline: deadline) { $0.contains(text) }
    }

    deinit { close() }

    /// The tmux binary is available and works.
    public static var isAvailable: Bool { (try? tmux(["-V"])) != nil }

    /// Runs tmux with `posix_spawn` and `waitpid`. Foundation's `Process` was seen to leave
    /// the daemonising tmux client unreaped (and `waitUntilExit` hanging) under the test
    /// runner, so this waits for the exact child itself. `capturing: false` is for commands
    /// that start the tmux server: the server inherits the client's output, so reading it to
    /// the end would wait for the server to exit.
    @discardableResult
    static func tmux(_ arguments: [String], capturing: Bool = true) throws -> String {
        let argv = ["tmux"] + arguments
        var fds: [Int32] = [-1, -1]
        if capturing { guard pipe(&fds) == 0 else { throw TmuxError(arguments: arguments, status: -1) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capturing {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // Nothing else of ours may reach tmux: the server it forks would keep it open for
        // its whole life, and a pipe another test is reading to its end (a subcommand's
        // output) would then not end until that server exits.
        closeInheritedDescriptors(&actions)
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, cArguments, environ)
        if capturing { Glibc.close(fds[1]) }
        guard spawned == 0 else {
            if capturing { Glibc.close(fds[0]) }
            throw TmuxError(arguments: arguments, status: spawned)
        }
        var output = [UInt8]()
        if capturing {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(fds[0], &chunk, chunk.count)
                if count <= 0 { break }
                output.append(contentsOf: chunk[0..<count])
            }
            Glibc.close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exitStatus == 0 else { throw TmuxError(arguments: arguments, status: exitStatus) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Kills what runs in the pane (the program under test) and the tmux server.
    public func close() {
        if let panes = try? Self.tmux(["-L", socket, "list-panes", "-a", "-F", "#{pane_pid}"]) {
            for line in panes.split(separator: "\n") {
                guard let shell = pid_t(line.trimmingCharacters(in: .whitespaces)) else { continue }
                _ = try? Self.run(["pkill", "-KILL", "-P", String(shell)])
            }
        }
        _ = try? Self.tmux(["-L", socket, "kill-server"])
    }

    /// Runs a helper command (pkill) and waits for it.
    static func run(_ argv: [String]) throws {
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        closeInheritedDescriptors(&actions)
        guard posix_spawnp(&pid, argv[0], &actions, nil, cArguments, environ) == 0 else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), looked up at run time
    /// because Swift's Glibc module does not export the GNU extension.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Closes every descriptor above stderr in the child.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        _ = addCloseFrom?(&actions, 3)
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

    /// The repository's `themes` folder, for `--themes-dir`.
    public static var themesDirectory: String { packageRoot().appendingPathComponent("themes").path }

    /// An environment that keeps the program's files (journal, log, state) under `home`
    /// and names the operator `e2e-tester`, so that no test touches the user's files.
    public static func isolatedEnvironment(home: URL) -> [String: String] {
        ["HOME": home.path, "USER": "e2e-tester", "XDG_STATE_HOME": home.appendingPathComponent("state").path,
         "XDG_DATA_HOME": home.appendingPathComponent("data").path]
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
