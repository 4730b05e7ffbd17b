/// How tall a chair tile is; the board picks the largest that shows every chair.
public enum TileStyle: Int, CaseIterable, Sendable, Comparable {
    /// Header and three rows: 24 chairs at 120x40, 10 at 80x24.
    case compact = 4
    /// Header and four rows: 8 chairs at 80x24.
    case regular = 5
    /// Header, four rows and two trend rows, with a blank row below.
    case large = 7

    /// Rows the tile takes on the board.
    public var height: Int { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where the board's header, tiles and footer go on a screen of a given size.
///
/// Tiles are at least `minimumTileWidth` wide, in as many columns as fit, filled row by
/// row in configuration order. When the compact style still cannot hold every chair,
/// the last slot becomes a `+N more` notice (never a silent omission) and the visible
/// page follows the selection.
public struct BoardLayout: Equatable, Sendable {
    /// Smallest screen the board draws on; below it a "too small" line is shown.
    public static let minimumWidth = 60
    public static let minimumHeight = 12
    /// Narrowest tile (39 columns of content and a gap).
    public static let minimumTileWidth = 40

    public var header: Rect
    public var footer: Rect
    public var style: TileStyle
    public var columns: Int
    public var rows: Int
    /// Index of the first chair drawn.
    public var firstVisible: Int
    /// One rectangle per visible chair, in order from `firstVisible`.
    public var tiles: [Rect]
    /// Chairs not drawn (shown as `+N more`); zero when every chair is on screen.
    public var hiddenCount: Int
    /// The slot that says `+N more`, when chairs are hidden.
    public var moreSlot: Rect?

    /// The layout for `chairCount` chairs on a `width`x`height` screen, keeping chair
    /// `selected` visible; nil below the minimum size.
    public static func make(width: Int, height: Int, chairCount: Int, selected: Int = 0) -> BoardLayout? {
        guard width >= minimumWidth, height >= minimumHeight else { return nil }
        let columns = max(1, width / minimumTileWidth)
        let tileWidth = width / columns
        let gridTop = 1
        let gridHeight = height - 2
        let style = TileStyle.allCases.sorted(by: >).first { columns * (gridHeight / $0.height) >= chairCount }
            ?? .compact
        let rows = max(1, gridHeight / style.height)
        let slots = columns * rows
        let overflow = chairCount > slots
        let perPage = overflow ? max(1, slots - 1) : slots
        let clamped = min(max(0, selected), max(0, chairCount - 1))
        let first = overflow ? (clamped / perPage) * perPage : 0
        let visible = max(0, min(perPage, chairCount - first))
        func slot(_ index: Int) -> Rect {
            Rect(x: (index % columns) * tileWidth, y: gridTop + (index / columns) * style.height,
                 width: tileWidth, height: style.height)
        }
        return BoardLayout(
            header: Rect(x: 0, y: 0, width: width, height: 1),
            footer: Rect(x: 0, y: height - 1, width: width, height: 1),
            style: style, columns: columns, rows: rows, firstVisible: first,
            tiles: (0..<visible).map(slot),
            hiddenCount: chairCount - visible,
            moreSlot: overflow ? slot(slots - 1) : nil)
    }
}
