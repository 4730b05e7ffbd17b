import CNcursesw
public import TerminalUI

// MARK: - Drawing

extension CursesTerminal {
    /// Draws `buffer` with `theme`, writing only the cells that changed since the last
    /// frame, then updates the screen once.
    ///
    /// The theme is degraded to the terminal's colours (or replaced by the monochrome
    /// theme without colour); a new theme or a new size repaints everything. A cell's
    /// own attributes are added to its role's.
    public func present(_ buffer: CellBuffer, theme: Theme) {
        guard isStarted else { return }
        let window = cn_stdscr()
        let effective = effectiveTheme(for: theme)
        let runs = FrameDiff.runs(from: lastFrame, to: buffer)
        if lastFrame == nil { werase(window) }
        for run in runs {
            let style = effective.style(for: run.role)
            let pair = pairNumber(for: style)
            wattr_set(window, cursesAttributes(style.attributes.union(run.attributes)), Int16(pair), nil)
            var characters = run.scalars.map { wchar_t(bitPattern: $0.value) }
            characters.append(0)
            _ = mvwaddnwstr(window, Int32(run.row), Int32(run.column), characters, Int32(run.scalars.count))
        }
        wattr_set(window, cn_a_normal(), 0, nil)
        wnoutrefresh(window)
        doupdate()
        lastFrame = buffer
    }

    /// The theme to draw with; a theme unlike the last one resets the colour pairs
    /// and forces a full repaint.
    private func effectiveTheme(for theme: Theme) -> Theme {
        if let drawnTheme, drawnTheme.requested == theme { return drawnTheme.effective }
        let effective = theme.effective(for: colorDepth, monochrome: monochromeTheme)
        drawnTheme = (theme, effective)
        pairs.reset()
        lastFrame = nil
        return effective
    }

    /// The colour pair for a style's colours, defined on first use.
    private func pairNumber(for style: RoleStyle) -> Int {
        guard colorDepth != .monochrome else { return 0 }
        let allocation = pairs.pair(
            foreground: style.foreground?.paletteIndex, background: style.background?.paletteIndex)
        if allocation.isNew {
            // Without default-colour support, "terminal default" becomes white on black.
            let foreground = style.foreground?.paletteIndex ?? (hasDefaultColors ? -1 : 7)
            let background = style.background?.paletteIndex ?? (hasDefaultColors ? -1 : 0)
            init_pair(Int16(allocation.number), Int16(foreground), Int16(background))
        }
        return allocation.number
    }

    private func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result = cn_a_normal()
        if attributes.contains(.bold) { result |= cn_a_bold() }
        if attributes.contains(.reverse) { result |= cn_a_reverse() }
        if attributes.contains(.underline) { result |= cn_a_underline() }
        if attributes.contains(.dim) { result |= cn_a_dim() }
        return result
    }
}
