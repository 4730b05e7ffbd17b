import Testing
@testable import HL7

@Suite struct MLLPFrameDecoderTests {
    private let message = Array("MSH|^~\\&|A\rPID|||1\r".utf8)

    @Test func encodedFrameDecodesByteByByte() {
        var decoder = MLLPFrameDecoder()
        let framed = MLLPFrameEncoder.encode(message)
        #expect(framed.first == 0x0B && framed.suffix(2) == [0x1C, 0x0D])
        var events: [MLLPFrameDecoder.Event] = []
        for byte in framed {
            events += decoder.feed([byte])
            if events.isEmpty { #expect(decoder.hasPartialFrame) }
        }
        #expect(events == [.frame(message)])
        #expect(!decoder.hasPartialFrame)
    }

    @Test func severalFramesInOneRead() {
        var decoder = MLLPFrameDecoder()
        let events = decoder.feed(MLLPFrameEncoder.encode(message) + [0x0D, 0x0A] + MLLPFrameEncoder.encode([0x41]))
        #expect(events == [.frame(message), .frame([0x41])])
    }

    @Test func garbageBeforeAStartBlockIsReportedOnce() {
        var decoder = MLLPFrameDecoder()
        #expect(decoder.feed(Array("hello".utf8)) == [.garbage(byteCount: 5)])
        #expect(decoder.feed(Array("more".utf8)) == [])
        #expect(decoder.feed(MLLPFrameEncoder.encode(message)) == [.frame(message)])
        #expect(decoder.feed(Array("xy".utf8) + MLLPFrameEncoder.encode(message)) == [.garbage(byteCount: 2), .frame(message)])
    }

    @Test func startBlockInsideAFrameResynchronises() {
        var decoder = MLLPFrameDecoder()
        let events = decoder.feed([0x0B, 0x41, 0x42] + MLLPFrameEncoder.encode(message))
        #expect(events == [.abandoned(byteCount: 2), .frame(message)])
    }

    @Test func brokenEndBlockAbandonsTheFrame() {
        var decoder = MLLPFrameDecoder()
        let events = decoder.feed([0x0B, 0x41, 0x1C, 0x42] + MLLPFrameEncoder.encode(message))
        #expect(events == [.abandoned(byteCount: 1), .garbage(byteCount: 1), .frame(message)])
    }

    @Test func oversizedFrameIsDroppedKeepingItsHeader() {
        var decoder = MLLPFrameDecoder(maximumFrameSize: 64, oversizedHeaderSize: 8)
        let big = [UInt8](repeating: 0x41, count: 1 << 20)
        let events = decoder.feed(MLLPFrameEncoder.encode(Array("MSH|^~\\&".utf8) + big) + MLLPFrameEncoder.encode(message))
        #expect(events == [.oversized(header: Array("MSH|^~\\&".utf8), byteCount: 8 + (1 << 20)), .frame(message)])
    }

    @Test func defaultCapIs256KiB() {
        var decoder = MLLPFrameDecoder()
        let events = decoder.feed(MLLPFrameEncoder.encode([UInt8](repeating: 0x41, count: 256 * 1024 + 1)))
        guard case .oversized(let header, let count) = events.first else { Issue.record("not oversized"); return }
        #expect(header.count == 4096)
        #expect(count == 256 * 1024 + 1)
        #expect(decoder.feed(MLLPFrameEncoder.encode([UInt8](repeating: 0x41, count: 256 * 1024))).count == 1)
    }
}
