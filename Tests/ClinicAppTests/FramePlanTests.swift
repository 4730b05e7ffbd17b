import Foundation
import Testing
@testable import ClinicApp

@Suite("What the UI loop draws each turn (FramePlan)")
struct FramePlanTests {
    static func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_000_000 + seconds) }

    @Test("a still screen renders once a second, on the clock's second")
    func stillScreen() {
        var plan = FramePlan()
        #expect(plan.next(at: Self.at(0.1), contentChanged: false, animating: false) == .content)  // the first frame
        #expect(plan.next(at: Self.at(0.6), contentChanged: false, animating: false) == .none)
        #expect(plan.next(at: Self.at(1.0), contentChanged: false, animating: false) == .content)
        #expect(plan.next(at: Self.at(1.9), contentChanged: false, animating: false) == .none)
    }

    @Test("a change renders at once, whenever it comes")
    func changes() {
        var plan = FramePlan()
        _ = plan.next(at: Self.at(0.1), contentChanged: false, animating: false)
        #expect(plan.next(at: Self.at(0.4), contentChanged: true, animating: false) == .content)
        #expect(plan.next(at: Self.at(0.41), contentChanged: true, animating: true) == .content)
    }

    @Test("while an alarm flashes, the quarters between seconds are flash steps of the rendered frame")
    func flashing() {
        var plan = FramePlan()
        let turns: [(Double, FramePlan.Frame)] = [
            (0.0, .content), (0.1, .none), (0.25, .flashStep), (0.3, .none), (0.5, .flashStep),
            (0.75, .flashStep), (1.0, .content), (1.26, .flashStep),
        ]
        for (time, expected) in turns {
            #expect(plan.next(at: Self.at(time), contentChanged: false, animating: true) == expected, "at \(time)")
        }
        // New data in the middle of a second renders; the next quarter is a step of that frame.
        #expect(plan.next(at: Self.at(1.4), contentChanged: true, animating: true) == .content)
        #expect(plan.next(at: Self.at(1.5), contentChanged: false, animating: true) == .flashStep)
    }

    @Test("the wait to the next step: a quarter while flashing, to the next second otherwise, scaled by speed")
    func waits() {
        #expect(FramePlan.millisecondsToNextStep(at: Self.at(0.1), animating: true, speed: 1) == 150)
        #expect(FramePlan.millisecondsToNextStep(at: Self.at(0.1), animating: false, speed: 1) == 900)
        #expect(FramePlan.millisecondsToNextStep(at: Self.at(0.5), animating: false, speed: 10) == 50)
        #expect(FramePlan.millisecondsToNextStep(at: Self.at(0.999_9), animating: false, speed: 1) == 10)
    }
}
