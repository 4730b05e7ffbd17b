import CNcursesw

/// SIGINT and SIGTERM handling while curses owns the terminal.
///
/// The handlers live in C (`shim.h`): they only record the signal and write a byte
/// to the wake pipe, both async-signal-safe, so the UI loop wakes, sees
/// `receivedSignal`, leaves its loop and calls `CursesTerminal.stop()`, which
/// restores the terminal. The C state is `static` in the header, so every call
/// into it must stay in this one file.
enum SignalWatch {
    static func install(wakeDescriptor: Int32) {
        cn_install_stop_handlers(wakeDescriptor)
    }

    static func remove() {
        cn_remove_stop_handlers()
    }

    /// The stop signal received since `install`, if any.
    static var receivedSignal: Int32? {
        let signal = cn_stop_signal()
        return signal == 0 ? nil : signal
    }
}
