import Testing
import TestSupport
import TerminalUI
@testable import CursesTerminal

@Suite("Frame diff")
struct FrameDiffTests {
    private func frame(_ lines: [String], width: Int = 6) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: lines.count)
        for (row, line) in lines.enumerated() { buffer.write(line, x: 0, y: row) }
        return buffer
    }

    @Test("the same frame twice writes nothing")
    func noChange() {
        let buffer = frame(["abc", "def"])
        #expect(FrameDiff.runs(from: buffer, to: buffer).isEmpty)
    }

    @Test("one changed cell is one run of one cell")
    func oneCell() {
        let old = frame(["abcdef", "ghijkl"])
        var new = old
        new[3, 1] = Cell("X")
        #expect(FrameDiff.runs(from: old, to: new) == [
            FrameRun(row: 1, column: 3, scalars: ["X"], role: .text, attributes: [])
        ])
    }

    @Test("a style change alone is a change; the glyphs are rewritten")
    func styleOnly() {
        let old = frame(["abcdef"])
        var new = old
        new.restyle(Rect(x: 1, y: 0, width: 2, height: 1), role: .alarmHigh, attributes: .bold)
        let runs = FrameDiff.runs(from: old, to: new)
        #expect(runs == [FrameRun(row: 0, column: 1, scalars: ["b", "c"], role: .alarmHigh, attributes: .bold)])
    }

    @Test("changed cells group by style, and an unchanged cell splits a run")
    func grouping() {
        let old = frame(["......"])
        var new = old
        new.write("ab", x: 0, y: 0, role: .ok)
        new.write("c", x: 2, y: 0, role: .stale)
        new.write("d", x: 4, y: 0, role: .stale)
        let runs = FrameDiff.runs(from: old, to: new)
        #expect(runs.map(\.text) == ["ab", "c", "d"])
        #expect(runs.map(\.column) == [0, 2, 4])
        #expect(runs.map(\.role) == [.ok, .stale, .stale])
    }

    @Test("no previous frame, or another size, repaints every cell")
    func fullRepaint() {
        let new = frame(["abc", "def"], width: 3)
        let expected = [
            FrameRun(row: 0, column: 0, scalars: ["a", "b", "c"], role: .text, attributes: []),
            FrameRun(row: 1, column: 0, scalars: ["d", "e", "f"], role: .text, attributes: []),
        ]
        #expect(FrameDiff.runs(from: nil, to: new) == expected)
        #expect(FrameDiff.runs(from: frame(["abc", "def"], width: 4), to: new) == expected)
        #expect(FrameDiff.runs(from: frame(["abc"], width: 3), to: new) == expected)
    }

    @Test("random frames: the runs rebuild the new frame from the old, and touch only changed cells", arguments: [1, 2, 3] as [UInt64])
    func randomFrames(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let roles: [StyleRole] = [.text, .label, .alarmHigh]
        for _ in 0..<50 {
            var old = CellBuffer(width: 30, height: 8)
            for index in 0..<(30 * 8) { old[index % 30, index / 30] = Cell("a", role: roles[index % 3]) }
            var new = old
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                let x = Int.random(in: 0..<30, using: &rng), y = Int.random(in: 0..<8, using: &rng)
                let scalar = Unicode.Scalar(UInt8.random(in: 97...100, using: &rng))
                new[x, y] = Cell(scalar, role: roles[Int.random(in: 0..<3, using: &rng)], attributes: Bool.random(using: &rng) ? .bold : [])
            }
            var rebuilt = old
            for run in FrameDiff.runs(from: old, to: new) {
                for (offset, scalar) in run.scalars.enumerated() {
                    #expect(old[run.column + offset, run.row] != new[run.column + offset, run.row])
                    rebuilt[run.column + offset, run.row] = Cell(scalar, role: run.role, attributes: run.attributes)
                }
            }
            #expect(rebuilt == new)
        }
    }
}
