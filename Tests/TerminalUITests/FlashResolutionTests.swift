import Foundation
import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// One rendered frame, resolved at each step of an alarm's flash, is the frame a render at
/// that step gives: what lets the app show flash steps without rendering the screen again.
@Suite struct FlashResolutionTests {
    func render(_ clinic: ClinicState, at now: Date, resolving: Bool) -> CellBuffer {
        var buffer = CellBuffer(width: 80, height: 24)
        ScreenRenderer().render(
            clinic: clinic, screen: ScreenState(), context: ScreenFixtures.context(now: now), into: &buffer,
            resolvingFlash: resolving)
        return buffer
    }

    @Test("a frame rendered once and resolved at each quarter equals a render at that quarter", arguments: AlarmPriority.allCases)
    func resolvedEqualsRendered(_ priority: AlarmPriority) {
        let clinic = ClinicFixtures.clinic(alarm: priority)
        // Within one second of the clock, so that only the flash differs between the steps.
        let second = ClinicFixtures.now.timeIntervalSince1970.rounded(.down)
        let base = render(clinic, at: Date(timeIntervalSince1970: second + 0.01), resolving: false)
        #expect(base.hasFlashMarks == (priority != .low))
        var looks: Set<[Cell]> = []
        for quarter in 0..<4 {
            let step = Date(timeIntervalSince1970: second + 0.01 + Double(quarter) * 0.25)
            var resolved = base
            var context = ScreenFixtures.context(now: step)
            resolved.resolveFlashing(at: context)
            #expect(!resolved.hasFlashMarks)
            context.now = step
            let direct = render(clinic, at: step, resolving: true)
            #expect(resolved.lines() == direct.lines())
            #expect(resolved.cells.map(\.attributes) == direct.cells.map(\.attributes), "quarter \(quarter)")
            looks.insert(resolved.cells)
        }
        // High flashes ~2 Hz: lit, dark, lit, dark; medium (0.5 Hz) is in one half all second.
        #expect(looks.count == (priority == .high ? 2 : 1))
    }

    @Test("resolving adds reverse in the dark half only, and removes the marks")
    func resolvingCells() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer[0, 0] = Cell("!", role: .alarmHigh, attributes: [.bold, .flashesHigh])
        buffer[1, 0] = Cell("!", role: .alarmMedium, attributes: .flashesMedium)
        buffer[2, 0] = Cell("x", role: .text, attributes: .underline)
        // 0.0 s past the epoch's second: lit half of both rhythms.
        var lit = buffer
        lit.resolveFlashing(at: RenderContext(now: Date(timeIntervalSince1970: 1_000)))
        #expect(lit[0, 0].attributes == .bold)
        #expect(lit[1, 0].attributes == [])
        #expect(lit[2, 0].attributes == .underline)
        // +0.3 s: high is dark, medium (1 s halves) still lit; +1.3 s: both dark.
        var darkHigh = buffer
        darkHigh.resolveFlashing(at: RenderContext(now: Date(timeIntervalSince1970: 1_000.3)))
        #expect(darkHigh[0, 0].attributes == [.bold, .reverse])
        #expect(darkHigh[1, 0].attributes == [])
        var darkBoth = buffer
        darkBoth.resolveFlashing(at: RenderContext(now: Date(timeIntervalSince1970: 1_001.3)))
        #expect(darkBoth[1, 0].attributes == .reverse)
        // Flashing off in the clinic: always lit.
        var steady = buffer
        steady.resolveFlashing(at: RenderContext(now: Date(timeIntervalSince1970: 1_000.3), flashing: false))
        #expect(steady[0, 0].attributes == .bold)
    }

    @Test("rows compare equal only when every cell is the same")
    func rowEquality() {
        var one = CellBuffer(width: 5, height: 2)
        one.write("abc", x: 0, y: 0)
        var two = one
        #expect(one.row(0, equalsRowOf: two) && one.row(1, equalsRowOf: two))
        two[4, 1] = Cell(" ", role: .text, attributes: .bold)
        #expect(one.row(0, equalsRowOf: two))
        #expect(!one.row(1, equalsRowOf: two))
        #expect(!one.row(0, equalsRowOf: CellBuffer(width: 6, height: 2)))
    }

    @Test("a cell is 8 bytes with no padding, so equal rows are equal bytes")
    func cellLayout() {
        #expect(MemoryLayout<Cell>.size == 8)
        #expect(MemoryLayout<Cell>.stride == 8)
        var a = CellBuffer(width: 3, height: 1)
        var b = a
        a[1, 0] = Cell("x", role: .alarmHigh, attributes: .bold)
        b[1, 0] = Cell("x", role: .alarmHigh, attributes: .bold)
        #expect(a.row(0, equalsRowOf: b))
        b[1, 0].role = .alarmMedium
        #expect(!a.row(0, equalsRowOf: b))
    }

    @Test("a flashing frame, its marks located once, resolves as the whole frame does", arguments: AlarmPriority.allCases)
    func flashingFrameMatchesResolve(_ priority: AlarmPriority) {
        let base = render(ClinicFixtures.clinic(alarm: priority), at: ClinicFixtures.now, resolving: false)
        let flashing = FlashingFrame(base)
        for step in stride(from: 0.0, to: 2.0, by: 0.25) {
            let context = ScreenFixtures.context(now: ClinicFixtures.now.addingTimeInterval(step))
            var whole = base
            whole.resolveFlashing(at: context)
            #expect(flashing.resolved(at: context) == whole, "+\(step) s")
        }
        #expect(flashing.frame == base)
    }
}
