import Foundation
@testable import TerminalUI

/// Finds the shipped `themes/` folder from this source file (tests run from anywhere).
enum ThemeFixtures {
    static var themesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("themes")
    }

    static func url(_ name: String) -> URL {
        themesDirectory.appendingPathComponent("\(name).toml")
    }

    /// Loads a shipped theme, failing the test if it has warnings.
    static func shipped(_ name: String) throws -> Theme {
        let (theme, warnings) = try ThemeLoader.load(contentsOf: url(name))
        guard warnings.isEmpty else { throw FixtureError.warnings(warnings) }
        return theme
    }

    enum FixtureError: Error { case warnings([String]) }
}
