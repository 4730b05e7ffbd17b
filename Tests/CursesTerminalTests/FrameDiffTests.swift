import Testing
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
}
