import Foundation
import Testing
@testable import ClinicApp

@Suite("Work done on a change or a new clock second (ClockSecondGate)")
struct ClockSecondGateTests {
    static func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 5_000 + seconds) }

    @Test("passes once per clock second, and on every change")
    func cadence() {
        var gate = ClockSecondGate()
        let turns: [(Double, Bool, Bool)] = [(0.2, false, true), (0.7, false, false), (0.8, true, true), (1.0, false, true), (1.99, false, false)]
        for (time, changed, expected) in turns {
            let passed = gate.passes(at: Self.at(time), changed: changed)
            #expect(passed == expected, "at \(time)")
        }
    }
}
