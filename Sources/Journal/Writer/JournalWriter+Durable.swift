import EventBus
public import InfusionCore

extension JournalWriter {
    /// Commits an operator action to disk before the program treats it as accepted.
    ///
    /// In one step under the writer lock and the bus lock: the action gets the next bus
    /// sequence number; every earlier event not yet written, then the action, are appended
    /// in sequence order in one transaction with `synchronous = FULL`; only after that
    /// commit does the bus deliver the action to the other subscribers (the model, the
    /// screen). Blocks the caller for one synced transaction (a few milliseconds): call it
    /// from a background thread, or use ``commitDurably(_:completion:)``.
    ///
    /// - Returns: The action's sequence number.
    /// - Throws: ``JournalError/writeFailed(_:)`` if the database cannot be written: the
    ///   action was not published and must be refused; earlier events stay pending.
    @discardableResult
    public func commitDurably(_ payload: ClinicEventPayload) throws(JournalError) -> UInt64 {
        let (bus, feed, _) = durableContext
        return try withCore { (core) throws(JournalError) -> UInt64 in
            let delivery = try bus.publishDurably(payload, flushing: feed) { (batch) throws(JournalError) in
                core.unwritten.append(contentsOf: batch.dropLast())
                try core.write(extra: [batch[batch.count - 1]], durable: true)
            }
            return delivery.sequence
        }
    }

    /// ``commitDurably(_:)`` on the writer's scheduler, reporting on the scheduler's thread.
    ///
    /// The completion's success means the action is on disk and has been published; show
    /// it as accepted only then. A failure carries the reason to show when refusing it.
    public func commitDurably(
        _ payload: ClinicEventPayload, completion: @escaping @Sendable (Result<UInt64, JournalError>) -> Void
    ) {
        durableContext.scheduler.schedule(after: 0) { [self] in
            completion(Result { () throws(JournalError) -> UInt64 in try commitDurably(payload) })
        }
    }
}
