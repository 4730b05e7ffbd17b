public import EventBus
public import Foundation
public import InfusionCore

/// The model layer: the clinic state, fed only by the bus, owned by one thread (the UI's).
///
/// Each tick the owner calls `update()`, which drains the subscription and reduces
/// every pending event in sequence order. Not `Sendable`: it lives on the UI thread.
public final class ClinicModel {
    public private(set) var state: ClinicState
    private let subscription: Subscription<ClinicEventPayload>
    private let bus: EventBus<ClinicEventPayload>

    /// Subscribes to `bus`; `onPublish` (the UI's wake pipe) is called after each publish.
    public init(
        bus: EventBus<ClinicEventPayload>, initialState: ClinicState = ClinicState(), capacity: Int = 65_536,
        onPublish: (@Sendable () -> Void)? = nil
    ) {
        state = initialState
        self.bus = bus
        subscription = bus.subscribe(
            name: "model", capacity: capacity, overflow: .coalescing { $0.coalescingKey }, onPublish: onPublish)
    }

    /// Applies every pending event; returns how many were applied.
    @discardableResult
    public func update() -> Int {
        let deliveries = subscription.drain()
        for delivery in deliveries {
            ClinicReducer.reduce(
                &state, ClinicEvent(sequence: delivery.sequence, receivedAt: delivery.publishedAt, payload: delivery.message))
        }
        return deliveries.count
    }

    /// Applies pending events, then lets the alarm evaluator decide what starts and ends at
    /// `now`; its transitions go out on the bus (so they are journaled like any event) and are
    /// applied at once. Returns how many events were applied.
    @discardableResult
    public func update(at now: Date, freshness: FreshnessPolicy) -> Int {
        var applied = update()
        let transitions = AlarmEvaluator.transitions(in: state, at: now, freshness: freshness)
        if !transitions.isEmpty {
            bus.publish(contentsOf: transitions)
            applied += update()
        }
        return applied
    }

    /// Bus statistics for this subscriber (coalesced counts, high-water mark).
    public var statistics: SubscriptionStatistics { subscription.statistics }

    deinit { subscription.cancel() }
}
