public import Foundation
public import InfusionCore
import TOMLKit

/// The dose-control part of the clinic file: the drug library and the pump confirmation time.
public struct DoseControlSettings: Equatable, Sendable {
    public var library: DrugLibrary
    /// True when the file has no `[[drug]]`: the EXAMPLE library is in use (say so at start).
    public var isExampleLibrary: Bool
    /// Seconds a pump has to confirm a command before the technical alarm (default 10 s).
    public var confirmationTimeout: TimeInterval

    public init(library: DrugLibrary = .example, isExampleLibrary: Bool = true, confirmationTimeout: TimeInterval = 10) {
        self.library = library
        self.isExampleLibrary = isExampleLibrary
        self.confirmationTimeout = confirmationTimeout
    }
}

/// Reads `[[drug]]` and `[dose_control]`. Every drug key is required: the limits are the
/// medical director's decision, never a silent default (`DrugLibrary.exampleKetamine` is
/// only used, and announced, when the file has no `[[drug]]` at all).
///
/// ```toml
/// [dose_control]
/// confirmation_timeout = "10s"
///
/// [[drug]]
/// name = "Ketamine"
/// dosing_unit = "mg/kg/h"        # optional; the only unit supported
/// concentrations = [1.0, 0.4]    # mg/mL
/// default_dose = 0.5             # mg/kg
/// default_duration = "40m"
/// soft_min_rate = 0.25           # mg/kg/h
/// soft_max_rate = 1.0
/// hard_min_rate = 0.1
/// hard_max_rate = 1.5
/// max_change_factor = 1.5        # larger changes must be typed again
/// soft_max_total_dose = 0.75     # mg/kg per session
/// hard_max_total_dose = 1.0
/// rate_step = 0.05               # mg/kg/h per + or -
/// ```
enum DrugLibraryReader {
    static let drugKeys: Set<String> = [
        "name", "dosing_unit", "concentrations", "default_dose", "default_duration", "soft_min_rate", "soft_max_rate",
        "hard_min_rate", "hard_max_rate", "max_change_factor", "soft_max_total_dose", "hard_max_total_dose", "rate_step",
    ]

    /// Reads the dose-control keys of `root` (other keys are the loader's business).
    static func read(_ root: TOMLTable, reader: inout TableReader) throws(ConfigurationError) -> DoseControlSettings {
        var settings = DoseControlSettings()
        if let table = try reader.table("dose_control", in: root, path: nil) {
            try reader.allowOnly(["confirmation_timeout"], in: table, path: "dose_control")
            settings.confirmationTimeout = try reader.duration("confirmation_timeout", in: table, path: "dose_control")
                ?? settings.confirmationTimeout
        }
        let entries = try reader.tables("drug", in: root)
        guard !entries.isEmpty else { return settings }
        var drugs: [DrugEntry] = []
        for (index, entry) in entries.enumerated() {
            let drug = try readDrug(entry, path: "drug[\(index + 1)]", reader: &reader)
            if drugs.contains(where: { $0.name.caseInsensitiveCompare(drug.name) == .orderedSame }) {
                throw ConfigurationError(file: reader.file, key: "drug[\(index + 1)].name", reason: "'\(drug.name)' is listed twice")
            }
            drugs.append(drug)
        }
        settings.library = DrugLibrary(drugs: drugs)
        settings.isExampleLibrary = false
        return settings
    }

    /// Parses a whole TOML text for its dose-control keys only (tests, `check-config`).
    static func parse(_ text: String, file: String) throws(ConfigurationError) -> DoseControlSettings {
        var reader = TableReader(file: file)
        return try read(try TOMLDocument.table(text, file: file), reader: &reader)
    }

    private static func readDrug(_ table: TOMLTable, path: String, reader: inout TableReader) throws(ConfigurationError) -> DrugEntry {
        try reader.allowOnly(drugKeys, in: table, path: path)
        func required(_ key: String) throws(ConfigurationError) -> Double {
            guard let value = try reader.number(key, in: table, path: path) else {
                throw ConfigurationError(file: reader.file, key: "\(path).\(key)", reason: "is required (no default for a limit)")
            }
            guard value.isFinite else { throw ConfigurationError(file: reader.file, key: "\(path).\(key)", reason: "must be a finite number") }
            return value
        }
        guard let name = try reader.string("name", in: table, path: path) else {
            throw ConfigurationError(file: reader.file, key: "\(path).name", reason: "a drug needs a name")
        }
        if let unit = try reader.string("dosing_unit", in: table, path: path), unit != "mg/kg/h" {
            throw ConfigurationError(file: reader.file, key: "\(path).dosing_unit", reason: "must be \"mg/kg/h\" (the only dosing unit)")
        }
        guard let duration = try reader.duration("default_duration", in: table, path: path) else {
            throw ConfigurationError(file: reader.file, key: "\(path).default_duration", reason: "is required (e.g. \"40m\")")
        }
        let drug = DrugEntry(
            name: name, concentrations: try concentrations(table, path: path, reader: reader),
            defaultDose: MilligramsPerKilogram(try required("default_dose")), defaultDuration: duration,
            rateLimits: DoseRateLimits(
                softLower: MilligramsPerKilogramPerHour(try required("soft_min_rate")),
                softUpper: MilligramsPerKilogramPerHour(try required("soft_max_rate")),
                hardLower: MilligramsPerKilogramPerHour(try required("hard_min_rate")),
                hardUpper: MilligramsPerKilogramPerHour(try required("hard_max_rate"))),
            maxChangeFactor: try required("max_change_factor"),
            totalDoseLimits: TotalDoseLimits(
                soft: MilligramsPerKilogram(try required("soft_max_total_dose")),
                hard: MilligramsPerKilogram(try required("hard_max_total_dose"))),
            rateStep: MilligramsPerKilogramPerHour(try required("rate_step")))
        if let problem = drug.problems.first {
            throw ConfigurationError(file: reader.file, key: "\(path).\(problem.key)", reason: problem.reason)
        }
        return drug
    }

    private static func concentrations(
        _ table: TOMLTable, path: String, reader: TableReader
    ) throws(ConfigurationError) -> [MilligramsPerMilliliter] {
        let key = "\(path).concentrations"
        guard let value = table["concentrations"] else {
            throw ConfigurationError(file: reader.file, key: key, reason: "is required (mg/mL, e.g. [1.0, 0.4])")
        }
        guard let array = value.array else { throw ConfigurationError(file: reader.file, key: key, reason: "must be an array of numbers") }
        var result: [MilligramsPerMilliliter] = []
        for element in array {
            guard let number = element.double ?? element.int.map(Double.init) else {
                throw ConfigurationError(file: reader.file, key: key, reason: "must be an array of numbers (mg/mL)")
            }
            result.append(MilligramsPerMilliliter(number))
        }
        return result
    }
}

/// Parsing TOML text with errors that name the file and line.
enum TOMLDocument {
    static func table(_ text: String, file: String) throws(ConfigurationError) -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file, line: error.source.begin.line, reason: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigurationError(file: file, reason: "not valid TOML: \(error)")
        }
    }
}
