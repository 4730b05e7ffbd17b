/// The whole screen as a grid of cells, rendered anew each frame (immediate mode).
///
/// Views render a model snapshot into a `CellBuffer`; the terminal layer diffs it
/// against the previous frame and writes only the cells that changed (after ratatui's
/// `Buffer`). Tests assert `lines()` headless, with no terminal at all.
public struct CellBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public internal(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (`x`, `y`), clipped to `clip` and the buffer; returns the
    /// number of columns written. Control characters and glyphs wider than one column
    /// are drawn as `?` so that one scalar always fills one cell.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, role: StyleRole = .text,
        attributes: TextAttributes = [], clip: Rect? = nil
    ) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        var column = x
        var written = 0
        for scalar in text.unicodeScalars {
            if column >= area.maxX { break }
            if column >= area.x {
                cells[y * width + column] = Cell(Self.narrow(scalar), role: role, attributes: attributes)
                written += 1
            }
            column += 1
        }
        return written
    }

    /// Fills `rect` (clipped to the buffer) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            let start = row * width
            for column in area.x..<area.maxX { cells[start + column] = cell }
        }
    }

    /// Changes the role and attributes of the cells in `rect`, keeping their glyphs.
    public mutating func restyle(_ rect: Rect, role: StyleRole, attributes: TextAttributes = []) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                cells[row * width + column].role = role
                cells[row * width + column].attributes = attributes
            }
        }
    }

    /// The text of each row, trailing spaces kept, for golden tests and headless output.
    public func lines() -> [String] {
        (0..<height).map { row in
            var line = String.UnicodeScalarView()
            for column in 0..<width { line.append(cells[row * width + column].scalar) }
            return String(line)
        }
    }

    private static func narrow(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x20 || scalar.value == 0x7F { return "?" }
        if scalar.value < 0x1100 { return scalar }
        // Box drawing, block elements, arrows and general punctuation are narrow.
        if (0x2000...0x2BFF).contains(scalar.value) { return scalar }
        if scalar.properties.isEmojiPresentation { return "?" }
        if (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
            || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
            || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            || (0xFFE0...0xFFE6).contains(scalar.value) || scalar.value >= 0x1F000 {
            return "?"
        }
        return scalar
    }
}
