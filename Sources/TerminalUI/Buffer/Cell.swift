/// One character cell of the screen: a glyph, what it means, and extra attributes.
///
/// Every glyph is one column wide: `CellBuffer.write` replaces anything wider.
///
/// Exactly 8 bytes with no padding (`reserved` fills what would be padding, always 0), so
/// that two rows of cells are equal exactly when their bytes are: the frame diff compares
/// rows with `memcmp` (`CellBuffer.row(_:equalsRowOf:)`; a test pins the layout).
public struct Cell: Equatable, Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var role: StyleRole
    public var attributes: TextAttributes
    private var reserved: UInt16 = 0

    public init(_ scalar: Unicode.Scalar = " ", role: StyleRole = .text, attributes: TextAttributes = []) {
        self.scalar = scalar
        self.role = role
        self.attributes = attributes
    }

    /// An empty cell drawn in the background role.
    public static let blank = Cell(" ", role: .background)
}
