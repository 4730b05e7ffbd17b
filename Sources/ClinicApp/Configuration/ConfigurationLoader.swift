import Foundation
import InfusionCore
import TOMLKit

/// Reads the clinic's TOML file into a `ClinicConfiguration`, checking every key.
///
/// ```toml
/// [clinic]
/// name = "Riverside Infusion Clinic"
/// theme = "night"
///
/// [[chair]]
/// id = "CHAIR-01"
/// label = "Bay 1"
///
/// [simulation]            # omit for a clinic with no simulated devices
/// seed = 7
/// speed = 1.0
/// scenario = "scenarios/bp-surge.toml"
/// nibp_interval_infusing = "10m"
/// nibp_interval_other = "15m"
/// observation_minimum = "30m"
///
/// [freshness]
/// stale_after_intervals = 2
/// nibp_stale_after = "17m"
/// nibp_expire_after = "35m"
/// ```
///
/// `[[drug]]`/`[dose_control]` are read by `DrugLibraryReader`, `[[user]]`/`[access]` by
/// `UsersReader`.
public enum ConfigurationLoader {
    /// Loads and checks the file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> ClinicConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(file: path, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: path)
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> ClinicConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(file: file, line: error.source.begin.line, reason: "not valid TOML: \(error.description)")
        } catch {
            throw ConfigurationError(file: file, reason: "not valid TOML: \(error)")
        }
        var reader = TableReader(file: file)
        try reader.allowOnly([
            "clinic", "chair", "simulation", "freshness", "alarms", "hl7", "device", "drug", "dose_control", "user", "access",
            "sign_off",
        ], in: table, path: nil)

        var configuration = ClinicConfiguration(clinicName: "Infusion Central", chairs: [], simulation: nil, source: file)
        if let clinic = try reader.table("clinic", in: table, path: nil) {
            try reader.allowOnly(["name", "theme"], in: clinic, path: "clinic")
            configuration.clinicName = try reader.string("name", in: clinic, path: "clinic") ?? configuration.clinicName
            configuration.theme = try reader.string("theme", in: clinic, path: "clinic") ?? configuration.theme
        }
        configuration.chairs = try readChairs(table, reader: &reader)
        if let simulation = try reader.table("simulation", in: table, path: nil) {
            configuration.simulation = try readSimulation(simulation, reader: &reader)
            let known = Set(configuration.chairs.map(\.id))
            if let unknown = configuration.simulation?.reservedChairs.first(where: { !known.contains($0) }) {
                throw ConfigurationError(file: file, key: "simulation.reserved_chairs", reason: "'\(unknown)' is not a [[chair]] id")
            }
        }
        let devices = try reader.tables("device", in: table)
        if let hl7 = try reader.table("hl7", in: table, path: nil) {
            configuration.hl7 = try HL7SettingsReader.read(hl7, devices: devices, chairs: configuration.chairs, reader: &reader)
        } else if !devices.isEmpty {
            throw ConfigurationError(file: file, key: "device", reason: "[[device]] entries need an [hl7] section to receive from")
        }
        if let alarms = try reader.table("alarms", in: table, path: nil) {
            configuration.alarms = try AlarmSettingsReader.read(alarms, reader: &reader)
        }
        configuration.signOff.observationMinimum = configuration.simulation?.observationMinimum ?? 3600
        if let signOff = try reader.table("sign_off", in: table, path: nil) {
            try SignOffReader.read(signOff, into: &configuration.signOff, admission: &configuration.admission, reader: &reader)
        }
        configuration.doseControl = try DrugLibraryReader.read(table, reader: &reader)
        configuration.access = try UsersReader.read(table, reader: &reader)
        if let freshness = try reader.table("freshness", in: table, path: nil) {
            configuration.freshness = try readFreshness(freshness, reader: &reader)
        }
        return configuration
    }

    private static func readChairs(_ table: TOMLTable, reader: inout TableReader) throws(ConfigurationError) -> [ChairDescriptor] {
        let entries = try reader.tables("chair", in: table)
        guard !entries.isEmpty else {
            throw ConfigurationError(file: reader.file, key: "chair", reason: "at least one [[chair]] is required")
        }
        var seen = Set<String>()
        var chairs: [ChairDescriptor] = []
        for (index, entry) in entries.enumerated() {
            let path = "chair[\(index + 1)]"
            try reader.allowOnly(["id", "label"], in: entry, path: path)
            guard let id = try reader.string("id", in: entry, path: path), !id.isEmpty else {
                throw ConfigurationError(file: reader.file, key: "\(path).id", reason: "a chair needs an id")
            }
            guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), id.count <= 24 else {
                throw ConfigurationError(
                    file: reader.file, key: "\(path).id", reason: "'\(id)' must be 1-24 letters, digits, '-' or '_'")
            }
            guard seen.insert(id).inserted else {
                throw ConfigurationError(file: reader.file, key: "\(path).id", reason: "chair id '\(id)' is used twice")
            }
            let label = try reader.string("label", in: entry, path: path) ?? id
            chairs.append(ChairDescriptor(id: ChairID(id), label: String(label.prefix(16))))
        }
        return chairs
    }

    private static func readSimulation(_ table: TOMLTable, reader: inout TableReader) throws(ConfigurationError) -> SimulationSettings {
        let path = "simulation"
        try reader.allowOnly(
            ["seed", "speed", "scenario", "nibp_interval_infusing", "nibp_interval_other", "observation_minimum",
             "reserved_chairs", "pump_command_delay"],
            in: table, path: path)
        var settings = SimulationSettings()
        if let seed = try reader.integer("seed", in: table, path: path) {
            guard seed >= 0 else { throw ConfigurationError(file: reader.file, key: "\(path).seed", reason: "must be 0 or more") }
            settings.seed = UInt64(seed)
        }
        if let speed = try reader.number("speed", in: table, path: path) {
            guard speed > 0, speed <= 3600 else {
                throw ConfigurationError(file: reader.file, key: "\(path).speed", reason: "must be more than 0 and at most 3600")
            }
            settings.speed = speed
        }
        settings.scenarioPath = try reader.string("scenario", in: table, path: path)
        settings.nibpIntervalInfusing = try reader.duration("nibp_interval_infusing", in: table, path: path) ?? settings.nibpIntervalInfusing
        settings.nibpIntervalOther = try reader.duration("nibp_interval_other", in: table, path: path) ?? settings.nibpIntervalOther
        settings.observationMinimum = try reader.duration("observation_minimum", in: table, path: path) ?? settings.observationMinimum
        settings.reservedChairs = Set((try reader.strings("reserved_chairs", in: table, path: path) ?? []).map { ChairID($0) })
        if let delay = try reader.duration("pump_command_delay", in: table, path: path) {
            guard delay <= 60 else {
                throw ConfigurationError(file: reader.file, key: "\(path).pump_command_delay", reason: "must be at most 60 s")
            }
            settings.pumpCommandDelay = delay
        }
        return settings
    }

    private static func readFreshness(_ table: TOMLTable, reader: inout TableReader) throws(ConfigurationError) -> FreshnessPolicy {
        let path = "freshness"
        try reader.allowOnly(["stale_after_intervals", "nibp_stale_after", "nibp_expire_after"], in: table, path: path)
        var policy = FreshnessPolicy()
        if let factor = try reader.number("stale_after_intervals", in: table, path: path) {
            guard factor >= 1 else {
                throw ConfigurationError(file: reader.file, key: "\(path).stale_after_intervals", reason: "must be at least 1")
            }
            policy.staleAfterIntervals = factor
        }
        policy.nibpStaleAfter = try reader.duration("nibp_stale_after", in: table, path: path) ?? policy.nibpStaleAfter
        policy.nibpExpireAfter = try reader.duration("nibp_expire_after", in: table, path: path) ?? policy.nibpExpireAfter
        guard policy.nibpExpireAfter > policy.nibpStaleAfter else {
            throw ConfigurationError(file: reader.file, key: "\(path).nibp_expire_after", reason: "must be later than nibp_stale_after")
        }
        return policy
    }
}
