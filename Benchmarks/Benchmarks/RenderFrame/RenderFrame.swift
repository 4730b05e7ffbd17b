import Benchmark
import CursesTerminal
import Devices
import Foundation
import InfusionCore
import TerminalUI

// The cost of one frame: rendering the whole board of a live clinic into a CellBuffer
// (immediate mode), and diffing it against the previous frame to find the cells to write.
// The clinic is the demo simulation after its 80-minute warm-up, so every tile is full
// (vitals, trends, pumps, phases). 16 chairs at 200x50 and 64 chairs at 240x80 (a 64-chair
// board shows "+N more" where tiles do not fit: the layout work is the same).

/// A clinic of `chairs` chairs as the model holds it after the demo's warm-up, and the
/// state one simulated second later (for a realistic frame-to-frame diff).
func makeClinic(chairs: Int) -> (ClinicState, ClinicState, Date) {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var simulation = SimulatedClinic(configuration: DemoClinic.make(seed: 7, chairCount: chairs, startTime: start))
    var state = ClinicState()
    var sequence: UInt64 = 0
    func apply(_ payloads: [ClinicEventPayload], at time: Date) {
        for payload in payloads {
            sequence += 1
            ClinicReducer.reduce(&state, ClinicEvent(sequence: sequence, receivedAt: time, payload: payload))
        }
    }
    apply(simulation.advance(to: start), at: start)
    let before = state
    apply(simulation.advance(to: start + 5), at: start + 5)
    return (before, state, start + 5)
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        maxDuration: .seconds(5),
        maxIterations: 2_000
    )
    let renderer = ScreenRenderer()
    for (chairs, width, height) in [(16, 200, 50), (64, 240, 80)] {
        let (before, after, now) = makeClinic(chairs: chairs)
        let screen = ScreenState(terminalWidth: width, terminalHeight: height)
        let context = RenderContext(now: now, glyphs: .unicode, timeZone: TimeZone(identifier: "UTC")!)

        Benchmark("Render \(chairs) chairs \(width)x\(height)", configuration: configuration) { benchmark in
            var buffer = CellBuffer(width: width, height: height)
            for _ in benchmark.scaledIterations {
                renderer.render(clinic: after, screen: screen, context: context, into: &buffer)
                blackHole(buffer)
            }
        }

        let previous = renderer.frame(
            width: width, height: height, clinic: before, screen: screen, context: RenderContext(
                now: now - 5, glyphs: .unicode, timeZone: TimeZone(identifier: "UTC")!))
        let next = renderer.frame(width: width, height: height, clinic: after, screen: screen, context: context)
        Benchmark("Diff \(chairs) chairs \(width)x\(height)", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(FrameDiff.runs(from: previous, to: next))
            }
        }

        Benchmark("Render + diff \(chairs) chairs \(width)x\(height)", configuration: configuration) { benchmark in
            var buffer = CellBuffer(width: width, height: height)
            for _ in benchmark.scaledIterations {
                renderer.render(clinic: after, screen: screen, context: context, into: &buffer)
                blackHole(FrameDiff.runs(from: previous, to: buffer))
            }
        }
    }
}
