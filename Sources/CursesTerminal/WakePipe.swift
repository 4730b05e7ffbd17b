import Glibc

/// A pipe that wakes the UI loop from any thread: the event bus writes one byte
/// when it publishes, and the loop, waiting in `poll()` on stdin and this pipe,
/// returns at once to drain the bus instead of waiting for its timeout.
///
/// Sendable because its state is two immutable descriptors and `write(2)` on a
/// pipe is thread-safe; both ends are non-blocking, so a full pipe (the loop is
/// already due to wake) never blocks the publisher.
public final class WakePipe: Sendable {
    /// The end the UI loop polls and drains.
    public let readDescriptor: Int32
    /// The end `wake()` writes to (signal handlers write here too).
    public let writeDescriptor: Int32

    public init() throws(TerminalError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw .systemCallFailed(call: "pipe", errno: errno)
        }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Wakes the loop; safe from any thread, never blocks.
    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// A closure for the bus's `onPublish` hook.
    public func makeWakeUp() -> @Sendable () -> Void {
        { [self] in wake() }
    }

    /// Reads every pending byte, so the next `poll()` waits again.
    public func drain() {
        var scratch = [UInt8](repeating: 0, count: 256)
        while read(readDescriptor, &scratch, scratch.count) > 0 {}
    }
}
