import Foundation
import Testing
@testable import HL7

@Suite struct HL7TimestampTests {
    private func parse(_ text: String, offset: Int = 0) -> Date? { HL7Timestamp.parse(Array(text.utf8)[...], defaultOffset: offset) }

    @Test func offsetsAreHonoured() {
        #expect(parse("20250314090430+0000") == Fixtures.utc(2025, 3, 14, 9, 4, 30))
        #expect(parse("20250314100430+0100") == Fixtures.utc(2025, 3, 14, 9, 4, 30))
        #expect(parse("20250314043000-0430") == Fixtures.utc(2025, 3, 14, 9, 0, 0))
        #expect(parse("202503140904") == Fixtures.utc(2025, 3, 14, 9, 4, 0))
        #expect(parse("20250314090430", offset: 3600) == Fixtures.utc(2025, 3, 14, 8, 4, 30))
    }

    @Test func fractionsAreKept() {
        #expect(parse("20250314090430.25+0000") == Fixtures.utc(2025, 3, 14, 9, 4, 30).addingTimeInterval(0.25))
    }

    @Test func leapDaysAndYearEnds() {
        #expect(parse("20240229120000+0000") == Fixtures.utc(2024, 2, 29, 12, 0, 0))
        #expect(parse("19991231235959+0000") == Fixtures.utc(1999, 12, 31, 23, 59, 59))
        #expect(parse("20250229120000+0000") == nil)
        #expect(parse("21000229120000+0000") == nil)
    }

    @Test(arguments: ["", "2025", "20250314", "2025031409", "20251314090000", "20250314250000", "20250314096000",
                      "20250314090000+00", "20250314090000Z", "20250314090000+2500", "2025031409000x", "20250314090000.+0000"])
    func malformedIsNil(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func formatsUTC() {
        #expect(HL7Timestamp.format(Fixtures.utc(2025, 3, 14, 9, 0, 1)) == "20250314090001+0000")
        #expect(HL7Timestamp.format(Fixtures.utc(1969, 12, 31, 23, 59, 59)) == "19691231235959+0000")
    }
}
