import Foundation
import Testing
@testable import Devices
import EventBus
import HL7
import InfusionCore

/// What a peer can do wrong on the wire, and that it stays on its own connection.
@Suite(.timeLimit(.minutes(1)))
struct HL7AdapterRobustnessTests {
    private static let nibpControlID = "MSA|AA|KCM-000002"

    @Test func twoMessagesInOneWriteAndOneMessageSplitAcrossWrites() async throws {
        let harness = try await ListenerHarness.start()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        let both = MLLPFrameEncoder.encode(HL7Samples.bytes(HL7Samples.names[0])) + MLLPFrameEncoder.encode(HL7Samples.bytes(HL7Samples.names[1]))
        try await client.send(raw: both)
        #expect(try #require(await replies.next()).msa == "MSA|AA|KCM-000001")
        #expect(try #require(await replies.next()).msa == Self.nibpControlID)

        let framed = MLLPFrameEncoder.encode(HL7Samples.bytes(HL7Samples.names[2]))
        let cuts = [0, 1, 100, framed.count - 1, framed.count]  // start block alone, end block split
        for (start, end) in zip(cuts, cuts.dropFirst()) {
            try await client.send(raw: Array(framed[start..<end]))
        }
        #expect(try #require(await replies.next()).msa == "MSA|AA|KCP-000001")
        await client.close()
        try await harness.listener.stop()
    }

    @Test func garbageBeforeAFrameIsSkipped() async throws {
        let harness = try await ListenerHarness.start()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        try await client.send(raw: Array("GET / HTTP/1.1\r\n\u{1C}\u{00}".utf8) + MLLPFrameEncoder.encode(HL7Samples.vitals))
        #expect(try #require(await replies.next()).msa == "MSA|AA|KCM-000001")
        let garbage = await harness.awaitConnectionEvent {
            if case .garbage = $0 { true } else { false }
        }
        guard case .garbage(_, let count) = garbage else { Issue.record("no garbage event"); return }
        #expect(count == 16)
        await client.close()
        try await harness.listener.stop()
    }

    @Test func anOversizedFrameIsRejectedAndTheConnectionGoesOn() async throws {
        var settings = HL7Settings(port: 0, devices: DeviceRegistry.sampleClinic.allDevices)
        settings.frameCap = 8 * 1024
        let harness = try await ListenerHarness.start(settings)
        _ = harness.drain()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        var huge = HL7Samples.vitals
        huge += Array(repeating: UInt8(ascii: "X"), count: 100 * 1024)
        try await client.send(message: huge)
        let reject = try #require(await replies.next())
        #expect(reject.msa == "MSA|AR|KCM-000001")
        #expect(reject.text.contains("|207^"))
        let published = harness.drain()
        #expect(published.count == 1)  // the audit record, nothing else
        let records = rejectionRecords(in: published)
        #expect(records.map(\.code) == ["AR"])
        #expect(records.first?.byteCount == huge.count)
        #expect(records.first?.rawText.hasSuffix("…(+\(huge.count - HL7Rejection.rawByteLimit) bytes)") == true)
        #expect(harness.rejections.all.first?.rawBytes.count == HL7Rejection.rawByteLimit)
        #expect(harness.rejections.all.first?.byteCount == huge.count)

        try await client.send(message: HL7Samples.vitals)
        #expect(try #require(await replies.next()).msa == "MSA|AA|KCM-000001")
        await client.close()
        try await harness.listener.stop()
    }

    @Test func aSecondConnectionKeepsWorkingWhileTheFirstSendsGarbage() async throws {
        let harness = try await ListenerHarness.start()
        let noisy = try await harness.connect()
        var noisyReplies = noisy.replies.makeAsyncIterator()
        let good = try await harness.connect()
        var goodReplies = good.replies.makeAsyncIterator()
        // Garbage, a frame cut off by a new start block, and a frame left open.
        try await noisy.send(raw: Array(repeating: 0xFF, count: 5000) + [0x0B] + Array("MSH|^~\\&|broken".utf8) + [0x0B, 0x41])
        try await good.send(message: HL7Samples.vitals)
        #expect(try #require(await goodReplies.next()).msa == "MSA|AA|KCM-000001")
        _ = await harness.awaitConnectionEvent {
            if case .abandoned = $0 { true } else { false }
        }
        // The noisy connection still gets answers once it sends a real frame.
        try await noisy.send(raw: [0x1C, 0x0D] + MLLPFrameEncoder.encode(HL7Samples.bytes(HL7Samples.names[1])))
        let next = try #require(await noisyReplies.next())
        #expect(next.msa.hasPrefix("MSA|"))  // the half frame "A" gets AR, then the NIBP AA
        #expect(try #require(await noisyReplies.next()).msa == Self.nibpControlID)
        await noisy.close()
        await good.close()
        try await harness.listener.stop()
    }

    @Test func connectionsOverTheCapAreClosed() async throws {
        var settings = HL7Settings(port: 0, devices: DeviceRegistry.sampleClinic.allDevices)
        settings.maxConnections = 1
        let harness = try await ListenerHarness.start(settings)
        let first = try await harness.connect()
        var firstReplies = first.replies.makeAsyncIterator()
        try await first.send(message: HL7Samples.vitals)
        #expect(try #require(await firstReplies.next()).msa == "MSA|AA|KCM-000001")

        let extra = try await harness.connect()
        var extraReplies = extra.replies.makeAsyncIterator()
        #expect(await extraReplies.next() == nil)  // closed by the server
        let refused = await harness.awaitConnectionEvent {
            if case .refused = $0 { true } else { false }
        }
        #expect(refused != nil)

        try await first.send(message: HL7Samples.bytes(HL7Samples.names[1]))
        #expect(try #require(await firstReplies.next()).msa == Self.nibpControlID)
        await extra.close()
        await first.close()
        try await harness.listener.stop()
    }

    @Test func aPartialFrameTimesOutAndTheConnectionStays() async throws {
        var settings = HL7Settings(port: 0, devices: DeviceRegistry.sampleClinic.allDevices)
        settings.partialFrameTimeout = .milliseconds(50)
        let harness = try await ListenerHarness.start(settings)
        _ = harness.drain()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        let framed = MLLPFrameEncoder.encode(HL7Samples.vitals)
        try await client.send(raw: Array(framed.prefix(200)))
        let timedOut = await harness.awaitConnectionEvent {
            if case .partialFrameTimedOut = $0 { true } else { false }
        }
        #expect(timedOut != nil)
        // The rest of the dropped frame is now garbage outside a frame; nothing is published.
        try await client.send(raw: Array(framed.dropFirst(200)) + MLLPFrameEncoder.encode(HL7Samples.bytes(HL7Samples.names[1])))
        #expect(try #require(await replies.next()).msa == Self.nibpControlID)
        let published = harness.drain()
        #expect(vitals(in: published)[.heartRate] == nil)
        #expect(vitals(in: published)[.systolic] != nil)
        await client.close()
        try await harness.listener.stop()
    }
}
