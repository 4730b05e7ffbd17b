/// A configuration problem, naming the file, the key and the reason.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public var file: String
    /// The key path (`chair[2].id`), or nil for a whole-file problem.
    public var key: String?
    /// The line, when the TOML parser knows it.
    public var line: Int?
    public var reason: String

    public init(file: String, key: String? = nil, line: Int? = nil, reason: String) {
        self.file = file
        self.key = key
        self.line = line
        self.reason = reason
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let key { place += ": \(key)" }
        return "\(place): \(reason)"
    }
}
