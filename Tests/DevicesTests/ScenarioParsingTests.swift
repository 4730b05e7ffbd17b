import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("Scenario files")
struct ScenarioParsingTests {
    static let chairs: Set<ChairID> = Set((1...8).map { ChairID("CHAIR-0\($0)") })

    private func parse(_ text: String) throws(ScenarioError) -> Scenario {
        try Scenario.parse(text, file: "test.toml", knownChairs: Self.chairs)
    }

    private func rejection(_ text: String) -> ScenarioError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("a good file gives its events in order with durations in seconds")
    func goodFile() throws {
        let scenario = try parse(
            """
            name = "BP surge on chair 3"
            description = "for the demo"

            [[event]]
            chair = "CHAIR-03"
            at = "5m"
            kind = "bp-surge"
            duration = "10m"
            systolic = 50
            diastolic = 30

            [[event]]
            chair = "CHAIR-02"
            at = "90s"
            kind = "monitor-silent"
            duration = "1h10m"

            [[event]]
            chair = "CHAIR-01"
            at = "0s"
            kind = "spo2-dip"
            duration = "2m"
            drop = 6.5
            """)
        #expect(scenario.name == "BP surge on chair 3")
        #expect(
            scenario.events == [
                ScenarioEvent(chair: ChairID("CHAIR-03"), at: 300, duration: 600, kind: .bloodPressureSurge(systolic: 50, diastolic: 30)),
                ScenarioEvent(chair: ChairID("CHAIR-02"), at: 90, duration: 4200, kind: .monitorSilent),
                ScenarioEvent(chair: ChairID("CHAIR-01"), at: 0, duration: 120, kind: .spo2Dip(points: 6.5)),
            ])
    }

    @Test("optional magnitudes take their defaults")
    func defaults() throws {
        let scenario = try parse(
            """
            name = "defaults"
            [[event]]
            chair = "CHAIR-01"
            at = "1m"
            kind = "bp-surge"
            duration = "5m"
            systolic = 40
            [[event]]
            chair = "CHAIR-01"
            at = "1m"
            kind = "hr-rise"
            duration = "5m"
            """)
        #expect(scenario.events.map(\.kind) == [.bloodPressureSurge(systolic: 40, diastolic: 24), .heartRateRise(beatsPerMinute: 30)])
    }

    @Test("durations: 90s, 5m, 1h10m, 1h10m30s; rejects empty, bare numbers, wrong order, other units")
    func durations() {
        #expect(ScenarioDuration.seconds(in: "90s") == 90)
        #expect(ScenarioDuration.seconds(in: "5m") == 300)
        #expect(ScenarioDuration.seconds(in: "1h10m") == 4200)
        #expect(ScenarioDuration.seconds(in: "1h10m30s") == 4230)
        for bad in ["", "5", "m", "10m1h", "5m5m", "1.5m", "5 m", "-5m", "5d", "1h-"] {
            #expect(ScenarioDuration.seconds(in: bad) == nil, "\(bad) should be rejected")
        }
        #expect(ScenarioDuration.text(4230) == "1h10m30s")
        #expect(ScenarioDuration.text(0) == "0s")
    }

    @Test("an unknown kind names the file, the event, its line and the kinds allowed")
    func unknownKind() throws {
        let error = try #require(rejection(
            """
            name = "x"

            [[event]]
            chair = "CHAIR-01"
            at = "1m"
            kind = "bp-surge"
            duration = "1m"

            [[event]]
            chair = "CHAIR-01"
            at = "1m"
            kind = "bp-surg"
            duration = "1m"
            """))
        #expect(error.file == "test.toml" && error.eventIndex == 2 && error.line == 9)
        #expect(error.reason.contains("unknown kind \"bp-surg\"") && error.reason.contains("pump-occlusion"))
        #expect(error.description.hasPrefix("test.toml: event 2 (line 9): unknown kind"))
    }

    @Test("an unknown chair is rejected, with the chairs this clinic has")
    func unknownChair() throws {
        let error = try #require(rejection(
            """
            name = "x"
            [[event]]
            chair = "CHAIR-12"
            at = "1m"
            kind = "probe-off"
            duration = "1m"
            """))
        #expect(error.eventIndex == 1 && error.line == 2)
        #expect(error.reason.contains("unknown chair \"CHAIR-12\"") && error.reason.contains("CHAIR-08"))
        // Without a clinic, any chair is accepted.
        #expect(throws: Never.self) {
            try Scenario.parse("name = \"x\"\n[[event]]\nchair = \"CHAIR-12\"\nat = \"1m\"\nkind = \"probe-off\"\nduration = \"1m\"", file: "f", knownChairs: nil)
        }
    }

    @Test(
        "bad values and missing or unknown keys are rejected with a reason",
        arguments: [
            ("at = \"5 minutes\"", "bad duration \"5 minutes\" for \"at\""),
            ("at = 300", "\"at\" must be a string"),
            ("at = \"1m\"\nduration = \"0s\"", "longer than 0s"),
            ("at = \"1m\"\nsystolic = 500", "\"systolic\" = 500.0 is outside"),
            ("at = \"1m\"\nsytolic = 50", "unknown key \"sytolic\""),
            ("", "missing key \"at\""),
        ])
    func badEventValues(extra: String, reason: String) throws {
        let durationLine = extra.contains("duration") ? "" : "duration = \"1m\"\n"
        let text = "name = \"x\"\n[[event]]\nchair = \"CHAIR-01\"\nkind = \"bp-surge\"\n\(durationLine)\(extra)\n"
        let error = try #require(rejection(text))
        #expect(error.eventIndex == 1)
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test("file-level faults: missing name, no events, [event] instead of [[event]], unknown key, bad TOML")
    func fileFaults() throws {
        #expect(try #require(rejection("[[event]]\nchair = \"CHAIR-01\"")).reason == "missing key \"name\"")
        #expect(try #require(rejection("name = \"x\"")).reason == "no [[event]] tables")
        #expect(try #require(rejection("name = \"x\"\n[event]\nchair = \"CHAIR-01\"")).reason.contains("write [[event]]"))
        #expect(try #require(rejection("name = \"x\"\nspeed = 2\n[[event]]")).reason.contains("unknown key \"speed\""))
        let syntax = try #require(rejection("name = \"x\"\n\n[[event]\nchair = 1"))
        #expect(syntax.line == 3 && syntax.reason.hasPrefix("not valid TOML"))
    }

    @Test("a missing file is reported by its path")
    func missingFile() throws {
        let url = URL(fileURLWithPath: "/nonexistent/scenario.toml")
        do {
            _ = try Scenario.load(from: url, knownChairs: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "/nonexistent/scenario.toml" && error.reason.hasPrefix("cannot read the file"))
        }
    }

    @Test("the shipped scenarios parse against the demo clinic", arguments: ["bp-surge", "monitor-silent", "alarm-tour"])
    func shippedScenarios(name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("scenarios/\(name).toml")
        let demoChairs = Set(DemoClinic.make(seed: 1, startTime: SimulationFixture.start).chairs.map(\.chair.id))
        let scenario = try Scenario.load(from: url, knownChairs: demoChairs)
        #expect(!scenario.events.isEmpty)
        if name == "alarm-tour" {
            #expect(Set(scenario.events.map(\.kind.name)).count >= 6)
            #expect(Set(scenario.events.map(\.chair)).count >= 4)
        }
    }
}
