public import Foundation
public import InfusionCore
import TOMLKit

extension Scenario {
    /// Reads a scenario file. See docs/scenarios.md for the format.
    ///
    /// - Parameters:
    ///   - url: the file; its path is used in error messages.
    ///   - knownChairs: the chairs of the clinic it will run on; an event naming another
    ///     chair is an error. Pass nil to skip that check (parsing without a clinic).
    /// - Throws: `ScenarioError` naming the file, the event and the reason.
    public static func load(from url: URL, knownChairs: Set<ChairID>?) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ScenarioError(file: url.path, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try parse(text, file: url.path, knownChairs: knownChairs)
    }

    /// Parses scenario TOML text; strict: unknown keys and kinds are errors, not ignored.
    ///
    /// ```swift
    /// let scenario = try Scenario.parse(text, file: "demo.toml", knownChairs: [ChairID("CHAIR-03")])
    /// ```
    public static func parse(_ text: String, file: String, knownChairs: Set<ChairID>?) throws(ScenarioError) -> Scenario {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ScenarioError(file: file, line: error.source.begin.line, reason: "not valid TOML: \(error.description)")
        } catch {
            throw ScenarioError(file: file, reason: "not valid TOML: \(error)")
        }
        let reader = ScenarioTableReader(file: file, eventLines: eventHeaderLines(in: text), knownChairs: knownChairs)
        return try reader.scenario(from: table)
    }

    /// The 1-based line of each `[[event]]` header, in order, for error messages.
    static func eventHeaderLines(in text: String) -> [Int] {
        var lines: [Int] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let compact = line.filter { $0 != " " && $0 != "\t" }
            if compact.hasPrefix("[[event]]") { lines.append(offset + 1) }
        }
        return lines
    }
}

/// Turns a parsed TOML table into a `Scenario`, or a precise `ScenarioError`.
private struct ScenarioTableReader {
    let file: String
    let eventLines: [Int]
    let knownChairs: Set<ChairID>?

    static let topLevelKeys: Set<String> = ["name", "description", "event"]
    static let commonEventKeys: Set<String> = ["chair", "at", "kind", "duration"]

    func scenario(from table: TOMLTable) throws(ScenarioError) -> Scenario {
        for key in table.keys where !Self.topLevelKeys.contains(key) {
            throw ScenarioError(file: file, reason: "unknown key \"\(key)\"; expected name, description, [[event]]")
        }
        guard let nameValue = table["name"] else {
            throw ScenarioError(file: file, reason: "missing key \"name\"")
        }
        guard let name = nameValue.string, !name.isEmpty else {
            throw ScenarioError(file: file, reason: "\"name\" must be a non-empty string")
        }
        if let description = table["description"], description.string == nil {
            throw ScenarioError(file: file, reason: "\"description\" must be a string")
        }
        guard let eventsValue = table["event"] else {
            throw ScenarioError(file: file, reason: "no [[event]] tables")
        }
        guard let array = eventsValue.array else {
            throw ScenarioError(file: file, reason: "\"event\" must be an array of tables: write [[event]], not [event]")
        }
        var events: [ScenarioEvent] = []
        for index in 0..<array.count {
            guard let eventTable = array[index].table else {
                throw error(at: index, "each event must be a table ([[event]])")
            }
            events.append(try event(from: eventTable, index: index))
        }
        return Scenario(name: name, events: events)
    }

    private func event(from table: TOMLTable, index: Int) throws(ScenarioError) -> ScenarioEvent {
        let kindName = try string("kind", in: table, index: index)
        guard let extraKeys = Self.extraKeys[kindName] else {
            let expected = ScenarioEventKind.allNames.joined(separator: ", ")
            throw error(at: index, "unknown kind \"\(kindName)\"; expected one of \(expected)")
        }
        for key in table.keys where !Self.commonEventKeys.contains(key) && !extraKeys.contains(key) {
            let allowed = (Self.commonEventKeys.sorted() + extraKeys.sorted()).joined(separator: ", ")
            throw error(at: index, "unknown key \"\(key)\" for kind \(kindName); allowed: \(allowed)")
        }
        let chair = ChairID(try string("chair", in: table, index: index))
        if let knownChairs, !knownChairs.contains(chair) {
            let known = knownChairs.sorted().map(\.rawValue).joined(separator: ", ")
            throw error(at: index, "unknown chair \"\(chair)\"; this clinic has \(known)")
        }
        let at = try duration("at", in: table, index: index)
        let duration = try duration("duration", in: table, index: index)
        guard duration > 0 else { throw error(at: index, "\"duration\" must be longer than 0s") }
        let kind = try kind(named: kindName, table: table, index: index)
        return ScenarioEvent(chair: chair, at: at, duration: duration, kind: kind)
    }

    /// Keys each kind accepts besides chair, at, kind and duration.
    static let extraKeys: [String: Set<String>] = [
        "bp-surge": ["systolic", "diastolic"],
        "spo2-dip": ["drop"],
        "hr-rise": ["bpm"],
        "monitor-silent": [], "probe-off": [], "pump-occlusion": [], "pump-silent": [],
        "pump-ignore-commands": [],
    ]

    private func kind(named name: String, table: TOMLTable, index: Int) throws(ScenarioError) -> ScenarioEventKind {
        switch name {
        case "bp-surge":
            let systolic = try number("systolic", in: table, index: index, default: 50, range: -100...150)
            let diastolic = try number(
                "diastolic", in: table, index: index, default: (systolic * 0.6).rounded(), range: -80...100)
            return .bloodPressureSurge(systolic: systolic, diastolic: diastolic)
        case "spo2-dip":
            return .spo2Dip(points: try number("drop", in: table, index: index, default: 8, range: 1...50))
        case "hr-rise":
            return .heartRateRise(beatsPerMinute: try number("bpm", in: table, index: index, default: 30, range: -60...120))
        case "monitor-silent": return .monitorSilent
        case "probe-off": return .probeOff
        case "pump-occlusion": return .pumpOcclusion
        case "pump-silent": return .pumpSilent
        default: return .pumpIgnoresCommands
        }
    }

    // MARK: - Typed values

    private func string(_ key: String, in table: TOMLTable, index: Int) throws(ScenarioError) -> String {
        guard let value = table[key] else { throw error(at: index, "missing key \"\(key)\"") }
        guard let text = value.string else { throw error(at: index, "\"\(key)\" must be a string") }
        return text
    }

    private func duration(_ key: String, in table: TOMLTable, index: Int) throws(ScenarioError) -> TimeInterval {
        let text = try string(key, in: table, index: index)
        guard let seconds = ScenarioDuration.seconds(in: text) else {
            throw error(at: index, "bad duration \"\(text)\" for \"\(key)\"; write it like \"90s\", \"5m\" or \"1h10m\"")
        }
        return seconds
    }

    private func number(
        _ key: String, in table: TOMLTable, index: Int, default fallback: Double, range: ClosedRange<Double>
    ) throws(ScenarioError) -> Double {
        guard let value = table[key] else { return fallback }
        guard let number = value.double ?? value.int.map(Double.init) else {
            throw error(at: index, "\"\(key)\" must be a number")
        }
        guard number.isFinite, range.contains(number) else {
            throw error(at: index, "\"\(key)\" = \(number) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    private func error(at index: Int, _ reason: String) -> ScenarioError {
        ScenarioError(
            file: file, eventIndex: index + 1, line: index < eventLines.count ? eventLines[index] : nil, reason: reason)
    }
}
