@testable import ClinicApp
import Foundation
import InfusionCore
import Testing

/// `[[drug]]` and `[dose_control]`: good files read, bad ones name the file, key and reason.
@Suite struct DrugLibraryReaderTests {
    static let ketamine = """
        [dose_control]
        confirmation_timeout = "15s"

        [[drug]]
        name = "Ketamine"
        dosing_unit = "mg/kg/h"
        concentrations = [1.0, 0.4]
        default_dose = 0.5
        default_duration = "40m"
        soft_min_rate = 0.25
        soft_max_rate = 1.0
        hard_min_rate = 0.1
        hard_max_rate = 1.5
        max_change_factor = 1.5
        soft_max_total_dose = 0.75
        hard_max_total_dose = 1
        rate_step = 0.05
        """

    func parse(_ text: String) throws(ConfigurationError) -> DoseControlSettings {
        try DrugLibraryReader.parse(text, file: "clinic.toml")
    }

    func error(_ text: String) -> ConfigurationError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsTheExampleKetamineEntry() throws {
        let settings = try parse(Self.ketamine)
        #expect(settings.library == DrugLibrary.example)
        #expect(!settings.isExampleLibrary)
        #expect(settings.confirmationTimeout == 15)
        #expect(settings.library.entry(named: "KETAMINE")?.defaultRate.formatted == "0.75")
    }

    @Test func withoutDrugsTheExampleLibraryIsUsedAndFlagged() throws {
        let settings = try parse("[clinic]\nname = \"X\"\n")
        #expect(settings.isExampleLibrary && settings.library == .example)
        #expect(settings.confirmationTimeout == 10)
        #expect(DrugLibrary.exampleKetamine.problems.isEmpty)
    }

    @Test(arguments: [
        ("hard_max_rate = 1.5", "hard_max_rate = 0.9", "drug[1].hard_max_rate", "enclose"),
        ("hard_min_rate = 0.1", "hard_min_rate = 0.3", "drug[1].soft_min_rate", "enclose"),
        ("soft_max_rate = 1.0", "soft_max_rate = 0.2", "drug[1].soft_max_rate", "above soft_min_rate"),
        ("max_change_factor = 1.5", "max_change_factor = 1", "drug[1].max_change_factor", "more than 1"),
        ("hard_max_total_dose = 1", "hard_max_total_dose = 0.5", "drug[1].hard_max_total_dose", "soft_max_total_dose"),
        ("concentrations = [1.0, 0.4]", "concentrations = [\"1\"]", "drug[1].concentrations", "numbers"),
        ("concentrations = [1.0, 0.4]", "concentrations = [0, 1]", "drug[1].concentrations", "more than 0"),
        ("rate_step = 0.05", "rate_step = 0", "drug[1].rate_step", "more than 0"),
        ("rate_step = 0.05", "", "drug[1].rate_step", "required"),
        ("dosing_unit = \"mg/kg/h\"", "dosing_unit = \"mL/h\"", "drug[1].dosing_unit", "mg/kg/h"),
        ("default_duration = \"40m\"", "default_duration = \"forty\"", "drug[1].default_duration", "duration"),
        ("default_dose = 0.5", "default_dose = 2", "drug[1].default_dose", "soft"),
        ("rate_step = 0.05", "rate_step = 0.05\nvolume = 3", "drug[1].volume", "unknown key"),
        ("confirmation_timeout = \"15s\"", "confirmation_timeout = \"soon\"", "dose_control.confirmation_timeout", "duration"),
    ])
    func badValuesNameFileKeyAndReason(original: String, replacement: String, key: String, reason: String) throws {
        let text = Self.ketamine.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.ketamine)
        let failure = try #require(error(text), "\(replacement) should fail")
        #expect(failure.file == "clinic.toml")
        #expect(failure.key == key)
        #expect(failure.reason.contains(reason), "\(failure)")
    }

    @Test func aDrugListedTwiceIsRefused() throws {
        let twice = Self.ketamine + "\n" + Self.ketamine.components(separatedBy: "[[drug]]")[1].replacingOccurrences(
            of: "name = \"Ketamine\"", with: "name = \"ketamine\"")
        let failure = try #require(error(twice.replacingOccurrences(of: "\nname = \"ketamine\"", with: "\n[[drug]]\nname = \"ketamine\"")))
        #expect(failure.key == "drug[2].name")
    }

    @Test func invalidTOMLNamesTheLine() throws {
        let failure = try #require(error("[[drug]]\nname = \n"))
        #expect(failure.line == 2)
    }
}
