public import Foundation

/// One line of a chair's event list in the detail view.
public struct ChairLogEntry: Hashable, Codable, Sendable {
    public var time: Date
    public var text: String
    public init(time: Date, text: String) {
        self.time = time
        self.text = text
    }
}
