public import Foundation

/// Runs the built program once to completion (a subcommand such as `audit log`,
/// `sessions` or `report`) and returns its exit status and its output (stdout and
/// stderr together), with `home` as `HOME` so it never touches the user's files.
public enum ProgramRun {
    public static func run(_ binary: String, _ arguments: [String], home: URL) async throws -> (status: Int32, output: String) {
        try await OffPool.run { try runBlocking(binary, arguments, home: home) }
    }

    private static func runBlocking(_ binary: String, _ arguments: [String], home: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["HOME": home.path, "LANG": "C.UTF-8"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
