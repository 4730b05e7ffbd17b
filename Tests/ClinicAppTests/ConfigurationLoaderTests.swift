@testable import ClinicApp
import Foundation
import InfusionCore
import Testing

@Suite("Clinic configuration")
struct ConfigurationLoaderTests {
    @Test("A full file loads with every key")
    func fullFile() throws {
        let text = """
            [clinic]
            name = "Riverside"
            theme = "night"

            [[chair]]
            id = "BAY-1"
            label = "Bay 1"

            [[chair]]
            id = "BAY-2"

            [simulation]
            seed = 9
            speed = 2.5
            nibp_interval_infusing = "5m"
            nibp_interval_other = 600
            observation_minimum = "1h"
            pump_command_delay = "8s"

            [freshness]
            stale_after_intervals = 3
            nibp_stale_after = "20m"
            nibp_expire_after = "40m"
            """
        let configuration = try ConfigurationLoader.parse(text, file: "clinic.toml")
        #expect(configuration.clinicName == "Riverside")
        #expect(configuration.theme == "night")
        #expect(configuration.chairs == [
            ChairDescriptor(id: ChairID("BAY-1"), label: "Bay 1"), ChairDescriptor(id: ChairID("BAY-2"), label: "BAY-2"),
        ])
        let simulation = try #require(configuration.simulation)
        #expect(simulation.seed == 9)
        #expect(simulation.speed == 2.5)
        #expect(simulation.nibpIntervalInfusing == 300)
        #expect(simulation.nibpIntervalOther == 600)
        #expect(simulation.observationMinimum == 3600)
        #expect(simulation.pumpCommandDelay == 8)
        #expect(configuration.freshness.staleAfterIntervals == 3)
        #expect(configuration.freshness.nibpStaleAfter == 1200)
    }

    @Test("Without [simulation] the clinic has no simulated devices")
    func noSimulation() throws {
        let configuration = try ConfigurationLoader.parse("[[chair]]\nid = \"C1\"\n", file: "c.toml")
        #expect(configuration.simulation == nil)
        #expect(configuration.clinicName == "Infusion Central")
    }

    @Test("Bad input names the file, the key (or line) and the reason", arguments: [
        ("[clinic]\nname = 3\n[[chair]]\nid = \"C\"", "clinic.name", "string"),
        ("[clinic]\ncolour = \"red\"\n[[chair]]\nid = \"C\"", "clinic.colour", "unknown key"),
        ("[clinic]\nname = \"x\"", "chair", "at least one"),
        ("[[chair]]\nid = \"C\"\n[[chair]]\nid = \"C\"", "chair[2].id", "used twice"),
        ("[[chair]]\nid = \"bad id!\"", "chair[1].id", "letters"),
        ("[[chair]]\nid = \"C\"\n[simulation]\nspeed = 0", "simulation.speed", "more than 0"),
        ("[[chair]]\nid = \"C\"\n[simulation]\nobservation_minimum = \"soon\"", "simulation.observation_minimum", "duration"),
        ("[[chair]]\nid = \"C\"\n[simulation]\npump_command_delay = \"2m\"", "simulation.pump_command_delay", "at most 60 s"),
        ("[[chair]]\nid = \"C\"\n[hl7]\ntls_certificate = \"cert.pem\"", "hl7.tls_key", "both tls_certificate and tls_key"),
        ("[[chair]]\nid = \"C\"\n[hl7]\ntls_certificate = \"/nonexistent/cert.pem\"\ntls_key = \"/nonexistent/key.pem\"",
         "hl7.tls_certificate", "/nonexistent/cert.pem: not a readable PEM certificate"),
        ("[[chair]]\nid = \"C\"\n[freshness]\nnibp_stale_after = \"50m\"", "freshness.nibp_expire_after", "later"),
    ])
    func badInput(text: String, key: String, reason: String) {
        do {
            _ = try ConfigurationLoader.parse(text, file: "clinic.toml")
            Issue.record("expected an error for \(key)")
        } catch {
            #expect(error.file == "clinic.toml")
            #expect(error.key == key)
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test("Malformed TOML gives the line")
    func malformed() {
        do {
            _ = try ConfigurationLoader.parse("[[chair]]\nid = \"C\"\nname = [1,\n", file: "clinic.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line != nil)
            #expect(error.description.hasPrefix("clinic.toml:"))
        }
    }

    @Test("Command-line overrides need simulated devices")
    func overrides() throws {
        var options = RunOptions(seed: 5, speed: 10)
        let demo = try ClinicLauncher.resolveConfiguration(options)
        #expect(demo.simulation?.seed == 5)
        #expect(demo.simulation?.speed == 10)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("real-\(UUID().uuidString).toml")
        try "[[chair]]\nid = \"C1\"\n".write(to: file, atomically: true, encoding: .utf8)
        options.configPath = file.path
        #expect(throws: ConfigurationError.self) { try ClinicLauncher.resolveConfiguration(options) }
    }

    @Test("Durations parse strictly", arguments: [
        ("90s", 90.0), ("10m", 600.0), ("1h30m", 5400.0), ("2h", 7200.0), ("0.5m", 30.0),
    ])
    func durations(text: String, seconds: Double) {
        #expect(DurationText.parse(text) == seconds)
    }

    @Test("Non-durations are refused", arguments: ["", "10", "m", "-5m", "5 minutes", "1d"])
    func badDurations(text: String) {
        #expect(DurationText.parse(text) == nil)
    }
}
