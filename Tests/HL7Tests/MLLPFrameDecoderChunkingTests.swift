import Testing
import TestSupport
@testable import HL7

/// The decoder copies the bytes inside a frame in runs: whatever the chunking and
/// whatever the input type, the events must be those of feeding one byte at a time.
/// (Garbage counts are left out: they are reported per read by design, so they depend
/// on the chunking.)
@Suite struct MLLPFrameDecoderChunkingTests {
    private static let cap = 300

    /// A stream of whole frames, frames near and over the cap, garbage, stray line ends,
    /// frames cut by a start block and broken end blocks.
    private static func stream(_ rng: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<40 {
            let body = (0..<rng.pick([0, 1, 50, cap - 1, cap, cap + 1, 2 * cap])).map { _ in UInt8(0x20 + rng.below(90)) }
            switch rng.below(6) {
            case 0: bytes += [0x0B] + body + [0x1C, 0x0D]
            case 1: bytes += [0x0B] + body + [0x1C, 0x0D, 0x0D, 0x0A]
            case 2: bytes += body.prefix(20)  // garbage
            case 3: bytes += [0x0B] + body  // cut by the next start block (or left open)
            case 4: bytes += [0x0B] + body + [0x1C, 0x41]  // broken end block
            default: bytes += [0x0B] + body + [0x1C, 0x1C, 0x0D]
            }
        }
        return bytes
    }

    private static func byteByByte(_ bytes: [UInt8]) -> [MLLPFrameDecoder.Event] {
        var decoder = MLLPFrameDecoder(maximumFrameSize: cap, oversizedHeaderSize: 16)
        return withoutGarbage(bytes.flatMap { decoder.feed([$0]) })
    }

    private static func withoutGarbage(_ events: [MLLPFrameDecoder.Event]) -> [MLLPFrameDecoder.Event] {
        events.filter { if case .garbage = $0 { false } else { true } }
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func anyChunkingGivesTheEventsOfSingleBytes(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let bytes = Self.stream(&rng)
        let expected = Self.byteByByte(bytes)
        #expect(expected.contains { if case .frame = $0 { true } else { false } })
        #expect(expected.contains { if case .oversized = $0 { true } else { false } })

        var arrays = MLLPFrameDecoder(maximumFrameSize: Self.cap, oversizedHeaderSize: 16)
        var raw = MLLPFrameDecoder(maximumFrameSize: Self.cap, oversizedHeaderSize: 16)
        var lazy = MLLPFrameDecoder(maximumFrameSize: Self.cap, oversizedHeaderSize: 16)
        var fromArrays: [MLLPFrameDecoder.Event] = []
        var fromRaw: [MLLPFrameDecoder.Event] = []
        var fromLazy: [MLLPFrameDecoder.Event] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 1 + rng.below(700))
            let chunk = Array(bytes[start..<end])
            fromArrays += arrays.feed(chunk)
            fromRaw += chunk.withUnsafeBytes { raw.feed($0) }
            fromLazy += lazy.feed(chunk.lazy.map { $0 })  // not contiguous: the copying path
            start = end
        }
        #expect(Self.withoutGarbage(fromArrays) == expected)
        #expect(Self.withoutGarbage(fromRaw) == expected)
        #expect(Self.withoutGarbage(fromLazy) == expected)
    }
}
