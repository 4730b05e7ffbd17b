import Foundation
import InfusionCore
import Testing
@testable import TerminalUI

@Suite("Display zone: wall-clock arithmetic without ICU")
struct DisplayZoneTests {
    /// Every day from 1900 to 2200 (and a few far ones) against Foundation's Gregorian calendar.
    @Test("Civil dates round-trip and agree with Foundation's Gregorian calendar")
    func civilDates() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        for days in stride(from: -25_567, through: 84_000, by: 7) {
            let civil = CivilDate(daysSinceEpoch: days)
            #expect(civil.daysSinceEpoch == days)
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day, "day \(days)")
        }
        #expect(CivilDate(daysSinceEpoch: 0).text == "1970-01-01")
        #expect(CivilDate(daysSinceEpoch: -1).text == "1969-12-31")
    }

    @Test("Days that do not exist are refused", arguments: [
        (2026, 2, 29), (2100, 2, 29), (2026, 4, 31), (2026, 13, 1), (2026, 0, 10), (2026, 6, 0),
    ])
    func invalidDays(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test("Leap days that exist are accepted")
    func leapDays() throws {
        #expect(try #require(CivilDate(year: 2028, month: 2, day: 29)).text == "2028-02-29")
        #expect(try #require(CivilDate(year: 2000, month: 2, day: 29)).text == "2000-02-29")
    }

    @Test("A fixed offset moves the date and the start of the day")
    func fixedOffsets() throws {
        let late = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z
        #expect(DisplayZone.utc.civilDate(of: late).text == "2026-11-18")
        #expect(DisplayZone.fixed(secondsFromGMT: 15 * 3600).civilDate(of: late).text == "2026-11-19")
        #expect(DisplayZone.fixed(secondsFromGMT: -12 * 3600).civilDate(of: late).text == "2026-11-17")
        let day = try #require(CivilDate(year: 2026, month: 11, day: 18))
        #expect(DisplayZone.utc.startOfDay(day) == Date(timeIntervalSince1970: 1_794_960_000))
        #expect(DisplayZone.fixed(secondsFromGMT: 3600).startOfDay(day) == Date(timeIntervalSince1970: 1_794_956_400))
        // Before 1970, where integer division truncates towards zero.
        #expect(DisplayZone.utc.civilDate(of: Date(timeIntervalSince1970: -1)).text == "1969-12-31")
    }

    /// The machine's zone is whatever the CI machine has; the C library and Foundation read
    /// the same zone database, so they must agree at every instant, across a year's
    /// daylight-saving changes wherever there are any.
    @Test("The local zone agrees with Foundation's TimeZone.current")
    func localAgreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        for hour in stride(from: 0, to: 366 * 24, by: 5) {
            let date = Date(timeIntervalSince1970: 1_767_225_600 + Double(hour) * 3600 + 1234)
            #expect(DisplayZone.local.secondsFromGMT(for: date) == TimeZone.current.secondsFromGMT(for: date))
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let civil = DisplayZone.local.civilDate(of: date)
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day)
            #expect(DisplayZone.local.startOfDay(civil) == calendar.startOfDay(for: date))
        }
    }
}
