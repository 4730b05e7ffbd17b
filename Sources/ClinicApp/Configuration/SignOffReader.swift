import Foundation
import InfusionCore
import TOMLKit

/// Reads `[sign_off]`: the discharge gate and the admission blood-pressure check.
///
/// ```toml
/// [sign_off]
/// observation_minimum = "60m"        # default: [simulation] observation_minimum, else 60m
/// vitals_tolerance_percent = 20      # vitals within ±20 % of baseline
/// aldrete_minimum = 9
/// cadss_times = ["0m", "40m", "70m"] # after the infusion starts
/// cadss_window = "5m"                # "CADSS due" shows from this long before each time
/// baseline_bp_delay_above = "140/90" # admission asks for a reason above this
/// ```
enum SignOffReader {
    static func read(
        _ table: TOMLTable, into rules: inout SignOffRules, admission: inout AdmissionRules, reader: inout TableReader
    ) throws(ConfigurationError) {
        let path = "sign_off"
        try reader.allowOnly(
            ["observation_minimum", "vitals_tolerance_percent", "aldrete_minimum", "cadss_times", "cadss_window",
             "baseline_bp_delay_above"], in: table, path: path)
        rules.observationMinimum = try reader.duration("observation_minimum", in: table, path: path) ?? rules.observationMinimum
        if let percent = try reader.number("vitals_tolerance_percent", in: table, path: path) {
            guard (1...100).contains(percent) else {
                throw ConfigurationError(file: reader.file, key: "\(path).vitals_tolerance_percent", reason: "must be 1 to 100")
            }
            rules.vitalsTolerance = percent / 100
        }
        if let minimum = try reader.integer("aldrete_minimum", in: table, path: path) {
            guard (0...10).contains(minimum) else {
                throw ConfigurationError(file: reader.file, key: "\(path).aldrete_minimum", reason: "must be 0 to 10")
            }
            rules.aldreteMinimum = minimum
        }
        if let times = try reader.strings("cadss_times", in: table, path: path) {
            var offsets: [TimeInterval] = []
            for text in times {
                guard let offset = DurationText.parse(text) else {
                    throw ConfigurationError(file: reader.file, key: "\(path).cadss_times", reason: "'\(text)' is not a duration like \"40m\"")
                }
                offsets.append(offset)
            }
            rules.dissociationScoreTimes = offsets.sorted()
        }
        rules.dissociationScoreWindow = try reader.duration("cadss_window", in: table, path: path) ?? rules.dissociationScoreWindow
        if let text = try reader.string("baseline_bp_delay_above", in: table, path: path) {
            let parts = text.split(separator: "/").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let systolic = parts[0], let diastolic = parts[1], systolic > diastolic, diastolic > 0 else {
                throw ConfigurationError(
                    file: reader.file, key: "\(path).baseline_bp_delay_above", reason: "must be systolic/diastolic, like \"140/90\"")
            }
            admission = AdmissionRules(delaySystolicAbove: systolic, delayDiastolicAbove: diastolic)
        }
    }
}
