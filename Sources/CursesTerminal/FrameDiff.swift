public import TerminalUI

/// A horizontal run of changed cells on one row that share one style, written to
/// the terminal with a single call.
public struct FrameRun: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var scalars: [Unicode.Scalar]
    public var role: StyleRole
    public var attributes: TextAttributes

    public init(row: Int, column: Int, scalars: [Unicode.Scalar], role: StyleRole, attributes: TextAttributes) {
        self.row = row
        self.column = column
        self.scalars = scalars
        self.role = role
        self.attributes = attributes
    }

    /// The run's text, for tests and logs.
    public var text: String { String(String.UnicodeScalarView(scalars)) }
}

/// Finds what changed between two frames (ratatui's diff), so that only changed
/// cells go to the terminal: full redraws are slow and flicker over SSH.
public enum FrameDiff {
    /// The runs that turn `old` into `new`, row by row, left to right.
    ///
    /// With no `old` frame, or one of another size (a resize), every cell of `new`
    /// is a change: a full repaint. Consecutive changed cells on a row with the same
    /// role and attributes form one run; an unchanged cell or a style change ends it.
    public static func runs(from old: CellBuffer?, to new: CellBuffer) -> [FrameRun] {
        let previous = old.flatMap { $0.width == new.width && $0.height == new.height ? $0 : nil }
        var runs: [FrameRun] = []
        let width = new.width
        // A row equal to the last frame's (most rows of most frames) is skipped with one call
        // (the compare runs inside TerminalUI, where it is one `memcmp`).
        for row in 0..<new.height {
            if let previous, new.row(row, equalsRowOf: previous) { continue }
            let start = row * width
            var current: FrameRun?
            for column in 0..<width {
                let cell = new.cells[start + column]
                if let previous, previous.cells[start + column] == cell {
                    if let run = current { runs.append(run) }
                    current = nil
                    continue
                }
                if current?.role == cell.role, current?.attributes == cell.attributes {
                    current?.scalars.append(cell.scalar)  // in place: no copy of the run
                } else {
                    if let run = current { runs.append(run) }
                    current = FrameRun(
                        row: row, column: column, scalars: [cell.scalar], role: cell.role, attributes: cell.attributes)
                }
            }
            if let run = current { runs.append(run) }
        }
        return runs
    }
}
