import Foundation
import Glibc
import Testing
@testable import ClinicApp

@Suite("Log timestamps without a Foundation formatter")
struct LogTimestampTests {
    @Test("UTC ends in Z; other zones carry their offset; fields are zero-padded")
    func offsets() {
        var parts = tm()
        parts.tm_year = 2026 - 1900
        parts.tm_mon = 0
        parts.tm_mday = 5
        parts.tm_hour = 3
        parts.tm_min = 4
        parts.tm_sec = 9
        #expect(LogTimestamp.string(parts: parts) == "2026-01-05T03:04:09Z")
        parts.tm_gmtoff = 3600
        #expect(LogTimestamp.string(parts: parts) == "2026-01-05T03:04:09+01:00")
        parts.tm_gmtoff = -(9 * 3600 + 30 * 60)
        #expect(LogTimestamp.string(parts: parts) == "2026-01-05T03:04:09-09:30")
    }

    @Test("It equals ISO8601DateFormatter's internet date-time in the machine's zone", arguments: [0, 1_795_000_000.9, 1_800_000_123])
    func matchesFoundation(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let expected = ISO8601DateFormatter.string(from: date, timeZone: .current, formatOptions: [.withInternetDateTime])
        #expect(LogTimestamp.string(from: date) == expected)
    }
}
