import Foundation
import Testing

@testable import EventBus

@Suite("Overflow policies and statistics")
struct OverflowTests {
    private func makeBus() -> EventBus<TestEvent> {
        EventBus(now: SteppedClock().now)
    }

    @Test("when full, a newer keyed message replaces the older one; nil keys are appended")
    func coalescingWhenFull() {
        let bus = makeBus()
        let ui = bus.subscribe(name: "ui", capacity: 3, overflow: .coalescing { $0.vitalsKey })

        bus.publish(.vitals(chair: 1, heartRate: 60))  // 1
        bus.publish(.vitals(chair: 2, heartRate: 70))  // 2
        bus.publish(.pump(chair: 1, note: "started"))  // 3: now full
        bus.publish(.vitals(chair: 1, heartRate: 61))  // 4: supersedes 1
        bus.publish(.pump(chair: 2, note: "paused"))  // 5: never dropped, buffer grows to 4
        bus.publish(.vitals(chair: 3, heartRate: 80))  // 6: no older chair 3, appended
        bus.publish(.vitals(chair: 2, heartRate: 71))  // 7: supersedes 2

        #expect(ui.statistics == SubscriptionStatistics(delivered: 0, coalesced: 2, pending: 5, highWaterMark: 5, capacity: 3))
        let deliveries = ui.drain()
        #expect(deliveries.map(\.sequence) == [3, 4, 5, 6, 7])
        #expect(
            deliveries.map(\.message) == [
                .pump(chair: 1, note: "started"), .vitals(chair: 1, heartRate: 61),
                .pump(chair: 2, note: "paused"), .vitals(chair: 3, heartRate: 80),
                .vitals(chair: 2, heartRate: 71),
            ])
        #expect(ui.statistics == SubscriptionStatistics(delivered: 5, coalesced: 2, pending: 0, highWaterMark: 5, capacity: 3))
    }

    @Test("below capacity nothing is coalesced")
    func belowCapacity() {
        let bus = makeBus()
        let ui = bus.subscribe(name: "ui", capacity: 10, overflow: .coalescing { $0.vitalsKey })
        for rate in 60..<65 { bus.publish(.vitals(chair: 1, heartRate: rate)) }

        #expect(ui.drain().map(\.message) == (60..<65).map { .vitals(chair: 1, heartRate: $0) })
        #expect(ui.statistics.coalesced == 0)
    }

    @Test("a long stall keeps exactly the latest value per key, in publish order")
    func latestPerKeyAfterStall() {
        let bus = makeBus()
        let ui = bus.subscribe(name: "ui", capacity: 4, overflow: .coalescing { $0.vitalsKey })
        let count = 1_000
        for index in 0..<count {
            bus.publish(.vitals(chair: index % 4, heartRate: index))
            // Superseded slots are compacted away before they outnumber live ones.
            #expect(ui.storedCount <= 2 * ui.statistics.pending + 1)
        }

        #expect(ui.statistics.pending == 4)
        #expect(ui.statistics.highWaterMark == 4)
        let deliveries = ui.drain()
        #expect(deliveries.map(\.sequence) == [997, 998, 999, 1_000])
        #expect(deliveries.map(\.message) == (996..<1_000).map { .vitals(chair: $0 % 4, heartRate: $0) })
        #expect(ui.statistics.coalesced == UInt64(count - 4))
    }

    @Test("nil-key messages are never dropped, however far the consumer falls behind")
    func nilKeysNeverDropped() {
        let bus = makeBus()
        let ui = bus.subscribe(name: "ui", capacity: 2, overflow: .coalescing { $0.vitalsKey })
        for index in 0..<100 {
            bus.publish(.pump(chair: index, note: "report"))
            bus.publish(.vitals(chair: 0, heartRate: index))
        }

        let deliveries = ui.drain()
        let pumpReports = deliveries.filter { $0.message.vitalsKey == nil }
        #expect(pumpReports.map(\.message) == (0..<100).map { .pump(chair: $0, note: "report") })
        #expect(deliveries.last?.message == .vitals(chair: 0, heartRate: 99))
        #expect(deliveries.count == 101)
        #expect(ui.statistics.highWaterMark == 101)
        #expect(zip(deliveries, deliveries.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
    }

    @Test("after a drain the buffer starts afresh: only a full buffer coalesces")
    func drainResetsCoalescing() {
        let bus = makeBus()
        let ui = bus.subscribe(name: "ui", capacity: 2, overflow: .coalescing { $0.vitalsKey })
        bus.publish(.vitals(chair: 1, heartRate: 1))
        bus.publish(.vitals(chair: 2, heartRate: 2))
        bus.publish(.vitals(chair: 1, heartRate: 3))
        #expect(ui.drain().map(\.sequence) == [2, 3])

        bus.publish(.vitals(chair: 1, heartRate: 4))  // 4
        bus.publish(.vitals(chair: 1, heartRate: 5))  // 5: not full yet, kept
        bus.publish(.vitals(chair: 1, heartRate: 6))  // 6: full, supersedes the newest older one (5)
        #expect(ui.drain().map(\.sequence) == [4, 6])
        #expect(ui.statistics.coalesced == 2)
        #expect(ui.statistics.delivered == 4)
    }

    @Test("neverDrop keeps everything and records the overshoot")
    func neverDropOvershoots() {
        let bus = makeBus()
        let journal = bus.subscribe(name: "journal", capacity: 2, overflow: .neverDrop)
        for rate in 0..<10 { bus.publish(.vitals(chair: 1, heartRate: rate)) }

        #expect(journal.statistics == SubscriptionStatistics(delivered: 0, coalesced: 0, pending: 10, highWaterMark: 10, capacity: 2))
        #expect(journal.drain().count == 10)
        bus.publish(.pump(chair: 1, note: "x"))
        #expect(journal.statistics == SubscriptionStatistics(delivered: 10, coalesced: 0, pending: 1, highWaterMark: 10, capacity: 2))
    }

    @Test("a slow subscriber does not affect another subscriber's policy")
    func subscribersAreIndependent() {
        let bus = makeBus()
        let ui = bus.subscribe(name: "ui", capacity: 1, overflow: .coalescing { $0.vitalsKey })
        let journal = bus.subscribe(name: "journal", capacity: 1, overflow: .neverDrop)
        for rate in 0..<5 { bus.publish(.vitals(chair: 1, heartRate: rate)) }

        #expect(ui.drain().map(\.sequence) == [5])
        #expect(journal.drain().map(\.sequence) == [1, 2, 3, 4, 5])
    }
}
