import InfusionCore
import TOMLKit

/// Typed, checked access to TOML tables, with errors that name the file and key.
struct TableReader {
    let file: String

    func allowOnly(_ keys: Set<String>, in table: TOMLTable, path: String?) throws(ConfigurationError) {
        for key in table.keys where !keys.contains(key) {
            throw ConfigurationError(
                file: file, key: qualified(key, path),
                reason: "unknown key (expected one of: \(keys.sorted().joined(separator: ", ")))")
        }
    }

    func table(_ key: String, in table: TOMLTable, path: String?) throws(ConfigurationError) -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let result = value.table else { throw typeError(key, path, expected: "a table") }
        return result
    }

    func tables(_ key: String, in table: TOMLTable) throws(ConfigurationError) -> [TOMLTable] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw typeError(key, nil, expected: "an array of tables ([[\(key)]])") }
        var result: [TOMLTable] = []
        for (index, element) in array.enumerated() {
            guard let entry = element.table else { throw typeError("\(key)[\(index + 1)]", nil, expected: "a table") }
            result.append(entry)
        }
        return result
    }

    func string(_ key: String, in table: TOMLTable, path: String?) throws(ConfigurationError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw typeError(key, path, expected: "a string") }
        return string
    }

    func boolean(_ key: String, in table: TOMLTable, path: String?) throws(ConfigurationError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let boolean = value.bool else { throw typeError(key, path, expected: "true or false") }
        return boolean
    }

    func strings(_ key: String, in table: TOMLTable, path: String?) throws(ConfigurationError) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw typeError(key, path, expected: "an array of strings") }
        var result: [String] = []
        for element in array {
            guard let string = element.string else { throw typeError(key, path, expected: "an array of strings") }
            result.append(string)
        }
        return result
    }

    func integer(_ key: String, in table: TOMLTable, path: String?) throws(ConfigurationError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let integer = value.int else { throw typeError(key, path, expected: "a whole number") }
        return integer
    }

    func number(_ key: String, in table: TOMLTable, path: String?) throws(ConfigurationError) -> Double? {
        guard let value = table[key] else { return nil }
        if let double = value.double { return double }
        if let integer = value.int { return Double(integer) }
        throw typeError(key, path, expected: "a number")
    }

    /// A duration given as text (`"90s"`, `"10m"`, `"1h30m"`) or as a number of seconds.
    func duration(_ key: String, in table: TOMLTable, path: String?) throws(ConfigurationError) -> Double? {
        guard let value = table[key] else { return nil }
        if let seconds = value.int, seconds > 0 { return Double(seconds) }
        if let text = value.string, let seconds = DurationText.parse(text), seconds > 0 { return seconds }
        throw typeError(key, path, expected: "a positive duration such as \"90s\", \"10m\" or \"1h30m\"")
    }

    private func qualified(_ key: String, _ path: String?) -> String {
        path.map { "\($0).\(key)" } ?? key
    }

    private func typeError(_ key: String, _ path: String?, expected: String) -> ConfigurationError {
        ConfigurationError(file: file, key: qualified(key, path), reason: "must be \(expected)")
    }
}
