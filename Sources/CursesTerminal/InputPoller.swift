import Glibc

/// What woke the UI loop; empty when the wait timed out.
public struct InputReadiness: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Keys are waiting on the input descriptor.
    public static let keys = InputReadiness(rawValue: 1 << 0)
    /// Something (the bus, a signal) wrote to the wake pipe; it has been drained.
    public static let wakeUp = InputReadiness(rawValue: 1 << 1)
    /// The terminal went away (hang-up or error): stop, or `poll` would spin.
    public static let hangUp = InputReadiness(rawValue: 1 << 2)
    /// A signal interrupted the wait (for example a resize); read keys anyway.
    public static let interrupted = InputReadiness(rawValue: 1 << 3)
}

/// Waits on the input descriptor and a wake pipe together with `poll(2)`.
///
/// Kept apart from curses so that tests can drive it with pipes.
public struct InputPoller {
    public let inputDescriptor: Int32
    public let wakePipe: WakePipe

    public init(inputDescriptor: Int32, wakePipe: WakePipe) {
        self.inputDescriptor = inputDescriptor
        self.wakePipe = wakePipe
    }

    /// Blocks for at most `timeoutMilliseconds` (0 = just look, negative = forever)
    /// until input arrives, the pipe is woken, or a signal interrupts.
    public func wait(timeoutMilliseconds: Int32) -> InputReadiness {
        var descriptors = [
            pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let count = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
        if count < 0 { return errno == EINTR ? .interrupted : .hangUp }
        var readiness: InputReadiness = []
        let input = Int32(descriptors[0].revents)
        if input & Int32(POLLIN) != 0 { readiness.insert(.keys) }
        if input & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 && input & Int32(POLLIN) == 0 {
            readiness.insert(.hangUp)
        }
        if Int32(descriptors[1].revents) & Int32(POLLIN) != 0 {
            wakePipe.drain()
            readiness.insert(.wakeUp)
        }
        return readiness
    }
}
