import Foundation
import Testing
import TestSupport

/// The binary run as a command: headless status lines, bad terminals, bad configuration.
@Suite("End to end: the program without a terminal")
struct ProgramEndToEndTests {
    let binary = BuiltProduct.infusionCentral()

    func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: FileHandle? = nil) async throws
        -> (status: Int32, output: String, error: String) {
        try await OffPool.run { [binary] in try Self.runBlocking(binary, arguments, environment: extra, stdin: stdin) }
    }

    static func runBlocking(_ binary: String, _ arguments: [String], environment extra: [String: String], stdin: FileHandle?) throws
        -> (status: Int32, output: String, error: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ic-run-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ["HOME": home.path, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        if let stdin { process.standardInput = stdin }
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test("--headless prints one status line per chair with every field")
    func headless() async throws {
        let result = try await run(["--headless", "--seed", "3", "--status-interval", "0.5", "--exit-after", "1.2"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.first?.contains("SIMULATED DEVICES") == true, "\(result.output)")
        for number in 1...8 {
            #expect(lines.contains { $0.hasPrefix("CHAIR-0\(number)") }, "CHAIR-0\(number) missing:\n\(result.output)")
        }
        let infusing = try #require(lines.first { $0.contains("INFUSING") }, "\(result.output)")
        for field in ["mg/kg/h", "mL/h", "HR", "SpO2", "BP", "RR", "EtCO2", "SIM"] {
            #expect(infusing.contains(field), "\(field) missing: \(infusing)")
        }
    }

    @Test("No terminal (stdin not a TTY) gives a clear message and exit code, never a spin")
    func notATerminal() async throws {
        let result = try await run([], environment: ["TERM": "xterm"], stdin: FileHandle.nullDevice)
        #expect(result.status != 0)
        #expect(result.error.localizedCaseInsensitiveContains("terminal"), "\(result.error)")
    }

    @Test("A bad configuration file names the file, the key and the reason")
    func badConfiguration() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).toml")
        try "[clinic]\nname = 3\n[[chair]]\nid = \"C1\"\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await run(["--config", file.path, "--headless", "--exit-after", "1"])
        #expect(result.status == 78)
        #expect(result.error.contains(file.path) && result.error.contains("clinic.name"), "\(result.error)")
    }

    @Test("A missing scenario file is refused at start")
    func missingScenario() async throws {
        let result = try await run(["--scenario", "/nonexistent/scenario.toml", "--headless", "--exit-after", "1"])
        #expect(result.status == 78)
        #expect(result.error.contains("/nonexistent/scenario.toml"))
    }
}
