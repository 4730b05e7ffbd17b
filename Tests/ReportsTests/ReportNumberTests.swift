import Testing
@testable import Reports

@Suite("Report numbers")
struct ReportNumberTests {
    @Test("plain numbers keep a leading zero, drop trailing zeros and never use an exponent")
    func plain() {
        #expect(ReportNumber.plain(0.75) == "0.75")
        #expect(ReportNumber.plain(60) == "60")
        #expect(ReportNumber.plain(37.49999999) == "37.5")
        #expect(ReportNumber.plain(0.00001) == "0")
        #expect(ReportNumber.plain(-0.5) == "-0.5")
    }
}
