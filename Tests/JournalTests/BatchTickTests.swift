import EventBus
import Foundation
import InfusionCore
import Testing
@testable import Journal

@Suite("The writer's batch tick")
struct BatchTickTests {
    static let vitals = EventFixtures.vitals(chair: 1, heartRate: 72, at: EventFixtures.origin)

    /// A started writer that has written one chair's set-up events in its first tick.
    static func startedWithSetupWritten() throws -> JournalHarness {
        let harness = try JournalHarness()
        harness.writer.start()
        harness.publish(EventFixtures.setup(chairs: 1))
        harness.scheduler.advance(by: 0.25)
        return harness
    }

    @Test("an idle writer lets its tick lapse; the next event schedules it, written within one interval")
    func lapsesWhenIdle() throws {
        let harness = try Self.startedWithSetupWritten()
        #expect(try harness.storedSequences() == [1, 2, 3, 4])
        #expect(!harness.writer.isTickScheduled)  // everything written: no tick 4 times a second
        #expect(harness.scheduler.pendingCount == 0)

        harness.scheduler.advance(by: 10)
        harness.publish([Self.vitals])
        #expect(harness.writer.isTickScheduled)
        #expect(harness.scheduler.pendingCount == 1)
        harness.scheduler.advance(by: 0.24)
        #expect(try harness.storedSequences().count == 4)  // batched, not written at once
        harness.scheduler.advance(by: 0.01)
        #expect(try harness.storedSequences() == [1, 2, 3, 4, 5])

        // Many events while the tick is scheduled schedule nothing more.
        harness.publish([Self.vitals, Self.vitals, Self.vitals])
        #expect(harness.scheduler.pendingCount == 1)
        harness.scheduler.advance(by: 0.25)
        #expect(try harness.storedSequences().count == 8)
        #expect(harness.scheduler.pendingCount == 0)
    }

    @Test("re-arming the lapsed tick on a publish runs at the same depth the thousandth time as the first")
    func rearmingDoesNotDeepen() throws {
        let harness = try Self.startedWithSetupWritten()
        var addresses: [UInt] = []
        for _ in 0..<1_000 {
            #expect(!harness.writer.isTickScheduled)
            harness.publish([Self.vitals])  // the gate schedules the tick from the publisher's call
            addresses.append(harness.scheduler.stackAddressAtLastSchedule)
            harness.scheduler.advance(by: 0.25)
        }
        // Each hand-off wrapped the stored closure once more before `LateBoundAction`.
        #expect(Set(addresses).count == 1, "stack moved by \(Int(addresses.first!) - Int(addresses.last!)) bytes")
        #expect(try harness.storedSequences().count == 1_004)
    }

    @Test("a failing writer keeps ticking to retry, and lapses once it has caught up")
    func keepsTickingWhileFailing() throws {
        let harness = try JournalHarness(startReadOnly: true)
        harness.writer.start()
        harness.publish(EventFixtures.setup(chairs: 1))
        harness.scheduler.advance(by: 2)
        #expect(harness.writer.health.isFailing)
        #expect(harness.writer.isTickScheduled)
        harness.readOnlyFlag.set(false)
        harness.scheduler.advance(by: 6)
        #expect(!harness.writer.health.isFailing)
        #expect(try harness.storedSequences() == [1, 2, 3, 4])
        #expect(!harness.writer.isTickScheduled)
    }

    @Test("a stopped writer schedules no tick on later events")
    func stoppedStaysStopped() throws {
        let harness = try JournalHarness()
        harness.writer.start()
        harness.scheduler.advance(by: 0.25)
        harness.writer.stop()
        harness.publish([Self.vitals])
        harness.scheduler.advance(by: 1)
        #expect(harness.scheduler.pendingCount == 0)
    }
}
