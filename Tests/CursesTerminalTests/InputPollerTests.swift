import Glibc
import Testing
@testable import CursesTerminal

@Suite("Waiting for input")
struct InputPollerTests {
    private func makePipe() -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        #expect(pipe(&descriptors) == 0)
        return (descriptors[0], descriptors[1])
    }

    @Test("nothing pending: a zero timeout returns empty")
    func timeout() throws {
        let (readEnd, writeEnd) = makePipe()
        defer { close(readEnd); close(writeEnd) }
        let poller = InputPoller(inputDescriptor: readEnd, wakePipe: try WakePipe())
        #expect(poller.wait(timeoutMilliseconds: 0) == [])
    }

    @Test("a wake-up from another thread returns .wakeUp and is drained")
    func wakeUp() async throws {
        let (readEnd, writeEnd) = makePipe()
        defer { close(readEnd); close(writeEnd) }
        let pipe = try WakePipe()
        let wake = pipe.makeWakeUp()
        await Task.detached { wake(); wake(); wake() }.value
        let poller = InputPoller(inputDescriptor: readEnd, wakePipe: pipe)
        #expect(poller.wait(timeoutMilliseconds: -1) == .wakeUp)
        #expect(poller.wait(timeoutMilliseconds: 0) == [])
    }

    @Test("keys on the input descriptor return .keys")
    func keys() throws {
        let (readEnd, writeEnd) = makePipe()
        defer { close(readEnd); close(writeEnd) }
        var byte: UInt8 = 0x71
        #expect(write(writeEnd, &byte, 1) == 1)
        let poller = InputPoller(inputDescriptor: readEnd, wakePipe: try WakePipe())
        #expect(poller.wait(timeoutMilliseconds: -1) == .keys)
    }

    @Test("a closed input returns .hangUp at once instead of spinning")
    func hangUp() throws {
        let (readEnd, writeEnd) = makePipe()
        defer { close(readEnd) }
        close(writeEnd)
        let poller = InputPoller(inputDescriptor: readEnd, wakePipe: try WakePipe())
        #expect(poller.wait(timeoutMilliseconds: -1) == .hangUp)
    }

    @Test("waking a full pipe never blocks")
    func fullPipe() throws {
        let pipe = try WakePipe()
        for _ in 0..<100_000 { pipe.wake() }
        pipe.drain()
        let (readEnd, writeEnd) = makePipe()
        defer { close(readEnd); close(writeEnd) }
        #expect(InputPoller(inputDescriptor: readEnd, wakePipe: pipe).wait(timeoutMilliseconds: 0) == [])
    }
}
