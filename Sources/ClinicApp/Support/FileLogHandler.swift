public import Foundation
public import Logging

/// A swift-log handler that appends lines to a file: logs never go to the screen,
/// which belongs to curses.
public struct FileLogHandler: LogHandler {
    /// One open file shared by every logger; writes are serialised by the lock.
    final class Sink: @unchecked Sendable {
        // @unchecked: `handle` is only used while holding `lock`.
        private let lock = NSLock()
        private let handle: FileHandle

        init(handle: FileHandle) { self.handle = handle }

        func write(_ line: String) {
            lock.withLock { handle.write(Data(line.utf8)) }
        }
    }

    private let sink: Sink
    private let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    /// Opens (creating with mode 0600) the log file at `url` for appending.
    public static func makeFactory(url: URL) throws -> @Sendable (String) -> any LogHandler {
        try AppPaths.ensureDirectory(url.deletingLastPathComponent())
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        let sink = Sink(handle: handle)
        return { label in FileLogHandler(sink: sink, label: label) }
    }

    init(sink: Sink, label: String) {
        self.sink = sink
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let details = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = LogTimestamp.string(from: Date())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(details)\n")
    }
}
