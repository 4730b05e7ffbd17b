import Foundation

/// A fresh directory under the system's temporary folder, removed when released.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("journal-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A journal path inside a not-yet-existing subdirectory (so the store creates it).
    var journalPath: URL {
        url.appendingPathComponent("data", isDirectory: true).appendingPathComponent("journal.sqlite")
    }
}
