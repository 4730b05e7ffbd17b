/// Why a scenario file was rejected: which file, which event (and line), and what is wrong.
///
/// Rejection is all-or-nothing: a file with one bad event runs none of its events, so a
/// demo never runs half a script without saying so.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name as given to the parser (`scenarios/bp-surge.toml`).
    public var file: String
    /// The 1-based position of the `[[event]]` table at fault, if the fault is in one.
    public var eventIndex: Int?
    /// The 1-based line of the fault (the event's `[[event]]` header for event faults).
    public var line: Int?
    /// What is wrong, in words for the person who wrote the file.
    public var reason: String

    public init(file: String, eventIndex: Int? = nil, line: Int? = nil, reason: String) {
        self.file = file
        self.eventIndex = eventIndex
        self.line = line
        self.reason = reason
    }

    /// `scenarios/x.toml: event 2 (line 9): unknown kind "bp-surg"; expected one of ...`
    public var description: String {
        var place = file
        switch (eventIndex, line) {
        case let (index?, line?): place += ": event \(index) (line \(line))"
        case let (index?, nil): place += ": event \(index)"
        case let (nil, line?): place += ": line \(line)"
        case (nil, nil): break
        }
        return "\(place): \(reason)"
    }
}
