import Testing
@testable import HL7

@Suite struct DuplicateFilterTests {
    @Test func classifiesNewResendAndConflict() {
        var filter = DuplicateFilter()
        #expect(filter.classify(sendingApplication: "GW", controlID: "1", content: [1, 2]) == .new)
        filter.remember(sendingApplication: "GW", controlID: "1", content: [1, 2])
        #expect(filter.classify(sendingApplication: "GW", controlID: "1", content: [1, 2, 0x0D]) == .resend)
        #expect(filter.classify(sendingApplication: "GW", controlID: "1", content: [1, 3]) == .conflict)
        #expect(filter.classify(sendingApplication: "OTHER", controlID: "1", content: [1, 3]) == .new)
    }

    @Test func memoryIsBounded() {
        var filter = DuplicateFilter(capacity: 3)
        for id in 1...5 { filter.remember(sendingApplication: "GW", controlID: "\(id)", content: [UInt8(id)]) }
        #expect(filter.count == 3)
        #expect(filter.classify(sendingApplication: "GW", controlID: "2", content: [2]) == .new)
        #expect(filter.classify(sendingApplication: "GW", controlID: "3", content: [3]) == .resend)
        #expect(filter.classify(sendingApplication: "GW", controlID: "5", content: [5]) == .resend)
    }
}
