import Synchronization
import Testing
@testable import Journal

@Suite("An action connected late")
struct LateBoundActionTests {
    final class Probe: Sendable {
        let calls = Atomic<Int>(0)
        let stackAddress = Atomic<UInt>(0)

        @inline(never) func record() {
            var marker = 0
            stackAddress.store(withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }, ordering: .relaxed)
            calls.add(1, ordering: .relaxed)
        }
    }

    @Test("does nothing until connected, then runs what was connected last")
    func connecting() {
        let action = LateBoundAction()
        let first = Probe(), second = Probe()
        action()
        action.connect { first.record() }
        action()
        action.connect { second.record() }
        action()
        action()
        #expect(first.calls.load(ordering: .relaxed) == 1)
        #expect(second.calls.load(ordering: .relaxed) == 2)
    }

    @Test("the thousandth call runs at the same stack depth as the first (nothing wraps the closure per call)")
    func callsDoNotDeepen() {
        let action = LateBoundAction()
        let probe = Probe()
        action.connect { probe.record() }
        action()
        let first = probe.stackAddress.load(ordering: .relaxed)
        for _ in 0..<1_000 { action() }
        #expect(probe.stackAddress.load(ordering: .relaxed) == first)
        #expect(probe.calls.load(ordering: .relaxed) == 1_001)
    }
}
