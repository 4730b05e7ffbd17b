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
    /// When the alarm evaluator runs: on new events, else once per clock second.
    private var alarmCycle = ClockSecondGate()

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
    ///
    /// The evaluator runs when events were applied (a value crossing a limit alarms at once)
    /// and otherwise once per second of the clock: what only time brings about (a device's
    /// `NO DATA`, a command not confirmed) is decided to the second, as a monitor's own alarm
    /// cycle does, instead of on every turn of the UI loop (four a second while an alarm
    /// flashes, where it was a twentieth of the program's CPU: BENCHMARKS.md, "CPU").
    @discardableResult
    public func update(at now: Date, freshness: FreshnessPolicy) -> Int {
        var applied = update()
        guard alarmCycle.passes(at: now, changed: applied > 0) else { return applied }
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
