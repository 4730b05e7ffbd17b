import InfusionCore
import TOMLKit

/// Reads `[alarms]` and `[alarms.limits.<parameter>]` from the clinic file.
///
/// ```toml
/// [alarms]
/// latch_high = true          # high alarms stay until acknowledged
/// escalation_count = 2       # this many medium alarms at once make the chair high
/// audio_pause = "2m"
/// flashing = true            # false for photosensitive rooms; markers remain
/// bell = true
/// command_high = ["aplay", "/usr/share/sounds/high.wav"]
///
/// [alarms.limits.spo2]
/// warning_low = 90
/// critical_low = 85
/// delay = "10s"
///
/// [alarms.limits.sys]
/// warning_high = 140
/// critical_high = 180
/// relative_to_baseline = 0.2
/// ```
enum AlarmSettingsReader {
    static let parameterNames: [String: VitalKind] = [
        "hr": .heartRate, "spo2": .spo2, "sys": .systolic, "dia": .diastolic, "map": .meanPressure,
        "rr": .respiratoryRate, "etco2": .etco2, "temp": .temperature,
    ]

    static func read(_ table: TOMLTable, reader: inout TableReader) throws(ConfigurationError) -> AlarmSettings {
        let path = "alarms"
        try reader.allowOnly(
            ["latch_high", "escalation_count", "audio_pause", "flashing", "bell", "command_high", "command_medium",
             "command_low", "limits"], in: table, path: path)
        var settings = AlarmSettings()
        if let latch = try reader.boolean("latch_high", in: table, path: path) { settings.rules.latchHigh = latch }
        if let count = try reader.integer("escalation_count", in: table, path: path) {
            guard count >= 0 else {
                throw ConfigurationError(file: reader.file, key: "\(path).escalation_count", reason: "must be 0 (off) or more")
            }
            settings.rules.escalationCount = count
        }
        settings.rules.audioPauseDuration = try reader.duration("audio_pause", in: table, path: path)
            ?? settings.rules.audioPauseDuration
        if let flashing = try reader.boolean("flashing", in: table, path: path) { settings.flashing = flashing }
        if let bell = try reader.boolean("bell", in: table, path: path) { settings.sound.bell = bell }
        for (key, priority) in [("command_high", AlarmPriority.high), ("command_medium", .medium), ("command_low", .low)] {
            if let command = try reader.strings(key, in: table, path: path) {
                guard !command.isEmpty else {
                    throw ConfigurationError(file: reader.file, key: "\(path).\(key)", reason: "must name a program")
                }
                settings.sound.commands[priority] = command
            }
        }
        if let limits = try reader.table("limits", in: table, path: path) {
            for name in limits.keys.sorted() {
                let limitPath = "\(path).limits.\(name)"
                guard let kind = parameterNames[name] else {
                    throw ConfigurationError(
                        file: reader.file, key: limitPath,
                        reason: "unknown parameter (expected one of: \(parameterNames.keys.sorted().joined(separator: ", ")))")
                }
                guard let entry = try reader.table(name, in: limits, path: "\(path).limits") else { continue }
                let base = settings.rules.limits[kind] ?? ParameterLimits()
                settings.rules.limits[kind] = try readLimits(entry, base: base, path: limitPath, reader: &reader)
            }
        }
        return settings
    }

    private static func readLimits(
        _ table: TOMLTable, base: ParameterLimits, path: String, reader: inout TableReader
    ) throws(ConfigurationError) -> ParameterLimits {
        try reader.allowOnly(
            ["warning_low", "warning_high", "critical_low", "critical_high", "relative_to_baseline", "delay",
             "warning_priority", "critical_priority"], in: table, path: path)
        var limits = base
        limits.warningLow = try reader.number("warning_low", in: table, path: path) ?? limits.warningLow
        limits.warningHigh = try reader.number("warning_high", in: table, path: path) ?? limits.warningHigh
        limits.criticalLow = try reader.number("critical_low", in: table, path: path) ?? limits.criticalLow
        limits.criticalHigh = try reader.number("critical_high", in: table, path: path) ?? limits.criticalHigh
        limits.relativeToBaseline = try reader.number("relative_to_baseline", in: table, path: path) ?? limits.relativeToBaseline
        if table["delay"] != nil {
            if let seconds = try? reader.integer("delay", in: table, path: path), seconds == 0 {
                limits.delay = 0
            } else {
                limits.delay = try reader.duration("delay", in: table, path: path) ?? limits.delay
            }
        }
        for (key, keyPath) in [("warning_priority", \ParameterLimits.warningPriority), ("critical_priority", \.criticalPriority)] {
            guard let word = try reader.string(key, in: table, path: path) else { continue }
            guard let priority = ["high": AlarmPriority.high, "medium": .medium, "low": .low][word] else {
                throw ConfigurationError(file: reader.file, key: "\(path).\(key)", reason: "must be \"high\", \"medium\" or \"low\"")
            }
            limits[keyPath: keyPath] = priority
        }
        if let low = limits.warningLow, let high = limits.warningHigh, low >= high {
            throw ConfigurationError(file: reader.file, key: "\(path).warning_low", reason: "must be below warning_high")
        }
        if let warning = limits.warningLow, let critical = limits.criticalLow, critical > warning {
            throw ConfigurationError(file: reader.file, key: "\(path).critical_low", reason: "must not be above warning_low")
        }
        if let warning = limits.warningHigh, let critical = limits.criticalHigh, critical < warning {
            throw ConfigurationError(file: reader.file, key: "\(path).critical_high", reason: "must not be below warning_high")
        }
        if let fraction = limits.relativeToBaseline, !(fraction > 0 && fraction < 1) {
            throw ConfigurationError(file: reader.file, key: "\(path).relative_to_baseline", reason: "must be between 0 and 1 (0.2 = ±20 %)")
        }
        return limits
    }
}
