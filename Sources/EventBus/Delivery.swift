public import Foundation

/// One message as a subscriber receives it: stamped by the bus with its place in the
/// total order and the time it was published.
///
/// The sequence number is what downstream code relies on: it is assigned under the bus
/// lock, is strictly increasing and gap-free in publish order, and is the same for every
/// subscriber. A journal stores it so that replay reproduces exactly the order the live
/// model saw.
public struct Delivery<Message: Sendable>: Sendable {
    /// The bus-wide position of the message: strictly increasing, with no gaps, starting
    /// at the bus's `firstSequence`.
    public let sequence: UInt64

    /// When the bus published the message, read from the bus's injected clock (never from
    /// the system clock directly, so simulations and tests control time).
    public let publishedAt: Date

    /// The payload as the publisher handed it over.
    public let message: Message

    /// Makes a delivery by hand, for replaying a journal or building test fixtures.
    ///
    /// Live deliveries are made only by ``EventBus``.
    public init(sequence: UInt64, publishedAt: Date, message: Message) {
        self.sequence = sequence
        self.publishedAt = publishedAt
        self.message = message
    }
}

extension Delivery: Equatable where Message: Equatable {}
extension Delivery: Hashable where Message: Hashable {}
