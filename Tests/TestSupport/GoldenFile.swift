public import Foundation

/// Golden text files for screens, help and reports (swift-argument-parser's habit).
///
/// The file lives in a `Golden` folder beside the test file, found through `#filePath`
/// rather than bundle resources so that recording writes to the source tree. With
/// `RECORD_GOLDEN=1` in the environment the actual text is written and the check passes;
/// review the diff by eye before committing it.
public struct GoldenFile: Sendable {
    /// Where the file is on disk.
    public let url: URL

    /// The golden file `name` in the `Golden` folder beside `testFile`.
    public init(_ name: String, testFile: StaticString = #filePath) {
        let directory = URL(fileURLWithPath: "\(testFile)").deletingLastPathComponent().appendingPathComponent("Golden")
        url = directory.appendingPathComponent(name)
    }

    /// Whether this run records instead of comparing.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// The stored text, or nil when the file does not exist yet.
    public func stored() -> String? { try? String(contentsOf: url, encoding: .utf8) }

    /// Compares `actual` with the stored text (recording it first in record mode).
    ///
    /// - Returns: nil when they match; otherwise a message naming the file and the first
    ///   differing line, for `#expect(... == nil)` to print.
    public func mismatch(_ actual: String) -> String? {
        if Self.isRecording {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
            } catch {
                return "could not record \(url.path): \(error)"
            }
            return nil
        }
        guard var expected = stored() else {
            return "\(url.lastPathComponent) is missing: run with RECORD_GOLDEN=1 to record it"
        }
        if expected.hasSuffix("\n") { expected.removeLast() }
        guard expected != actual else { return nil }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? expectedLines[index] : "<none>"
            let got = index < actualLines.count ? actualLines[index] : "<none>"
            if want != got {
                return "\(url.lastPathComponent) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)"
            }
        }
        return "\(url.lastPathComponent) differs"
    }
}
