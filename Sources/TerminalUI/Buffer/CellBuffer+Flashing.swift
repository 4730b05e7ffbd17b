import InfusionCore

extension CellBuffer {
    /// Resolves the flash marks (`flashesHigh`, `flashesMedium`) for the instant
    /// `context.now`: a marked cell in the dark half of its priority's flash gets `reverse`,
    /// one in the lit half keeps its own attributes; the marks are removed either way.
    ///
    /// The renderer leaves the marks in (`ScreenRenderer.render(..., resolvingFlash: false)`)
    /// so that the app can show the flash's quarter-second steps by resolving the same
    /// rendered frame again, instead of rendering the whole screen four times a second.
    public mutating func resolveFlashing(at context: RenderContext) {
        let darkHigh = !AlarmStyle.isLit(.high, context: context)
        let darkMedium = !AlarmStyle.isLit(.medium, context: context)
        let marks = TextAttributes.flashMarks
        for index in cells.indices where !cells[index].attributes.isDisjoint(with: marks) {
            let attributes = cells[index].attributes
            let dark = (darkHigh && attributes.contains(.flashesHigh)) || (darkMedium && attributes.contains(.flashesMedium))
            var resolved = attributes.subtracting(marks)
            if dark { resolved.insert(.reverse) }
            self[index % width, index / width].attributes = resolved
        }
    }

    /// Whether any cell still carries a flash mark (a frame that needs `resolveFlashing`).
    public var hasFlashMarks: Bool {
        cells.contains { !$0.attributes.isDisjoint(with: TextAttributes.flashMarks) }
    }

    /// Whether row `row` holds the same cells here as in `other` (false for another size):
    /// the frame diff skips equal rows with this one compare per row.
    public func row(_ row: Int, equalsRowOf other: CellBuffer) -> Bool {
        guard other.width == width, other.height == height, row >= 0, row < height else { return false }
        let start = row * width
        return cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                for index in start..<(start + width) where mine[index] != theirs[index] { return false }
                return true
            }
        }
    }
}
