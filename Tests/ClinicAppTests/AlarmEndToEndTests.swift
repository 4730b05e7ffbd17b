import Foundation
import Testing
import TestSupport

/// Alarms in the real binary, in a real terminal (tmux): a scripted SpO2 dip on CHAIR-05
/// shows `!!!` and `SpO2 ..<..` on that chair's tile; `a` acknowledges it and the detail
/// view's alarm history records who did.
@Suite("End to end: alarms in tmux", .serialized, .enabled(if: TmuxSession.isAvailable))
struct AlarmEndToEndTests {
    let binary = BuiltProduct.infusionCentral()
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("ic-alarm-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    var environment: [String: String] { BuiltProduct.isolatedEnvironment(home: home) }

    /// A deep dip (SpO2 about 97 → 72, below the 85 critical limit) on CHAIR-05 from launch.
    func writeScenario() throws -> URL {
        let url = home.appendingPathComponent("spo2-dip.toml")
        try """
        name = "Deep SpO2 dip on chair 5"

        [[event]]
        chair = "CHAIR-05"
        at = "0s"
        kind = "spo2-dip"
        duration = "5m"
        drop = 25
        """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The 80x24 board's CHAIR-05 tile (left column, third row of tiles): its five lines.
    static func chairFiveTile(_ screen: String) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard let header = lines.firstIndex(where: { $0.contains("CHAIR-05") }) else { return [] }
        return lines[header..<min(lines.count, header + 5)].map { String($0.prefix(40)) }
    }

    @Test("A scripted SpO2 dip shows !!! on CHAIR-05; acknowledging records the user")
    func dipAcknowledgeAndHistory() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: binary), "build the package first: \(binary)")
        let themes = BuiltProduct.themesDirectory
        let session = try TmuxSession(
            arguments: [binary, "--seed", "7", "--themes-dir", themes, "--speed", "10", "--no-sound",
                        "--scenario", try writeScenario().path],
            width: 80, height: 24, environment: environment)
        defer { session.close() }

        let alarming = await session.waitFor(deadline: 60) { screen in
            let tile = Self.chairFiveTile(screen)
            return tile.first?.contains("!!!") == true
                && tile.contains { $0.range(of: #"SpO2 \d+<\d+"#, options: .regularExpression) != nil }
        }
        let tile = Self.chairFiveTile(alarming)
        #expect(tile.first?.contains("!!! HIGH") == true, "CHAIR-05's header carries !!! HIGH:\n\(alarming)")
        #expect(tile.contains { $0.range(of: #"!!! SpO2 \d+<85"#, options: .regularExpression) != nil },
                "CHAIR-05 names parameter, value and limit:\n\(alarming)")
        #expect(alarming.components(separatedBy: "\n").first?.contains("!!!") == true, "the station header too")

        try session.send("5")
        try session.send("a")
        let acknowledged = await session.waitFor(deadline: 30) { screen in
            let tile = Self.chairFiveTile(screen)
            let spo2Line = tile.first { $0.contains("SpO2") && $0.contains("<") }
            return spo2Line.map { $0.contains("ACK") } ?? !tile.isEmpty
        }
        let after = Self.chairFiveTile(acknowledged)
        let spo2Line = after.first { $0.contains("SpO2") && $0.contains("<") }
        #expect(spo2Line.map { $0.contains("ACK") } ?? true, "ACK shown, or the latched alarm cleared:\n\(acknowledged)")

        try session.send("Enter")
        let detail = await session.waitFor(deadline: 30) { $0.contains("Alarms") && $0.contains("ack station:e2e-tester") }
        #expect(detail.contains("ack station:e2e-tester"), "the history records who acknowledged:\n\(detail)")
        #expect(detail.contains("HIGH") && detail.contains("SpO2"), "\(detail)")

        try session.send("Escape")
        try session.send("q")
        await session.waitFor("(y/n)")
        try session.send("y")
        #expect(await session.waitFor("EXITED:").contains("EXITED:0"))
    }
}
