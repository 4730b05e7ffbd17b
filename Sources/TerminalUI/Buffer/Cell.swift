/// One character cell of the screen: a glyph, what it means, and extra attributes.
///
/// Every glyph is one column wide: `CellBuffer.write` replaces anything wider.
public struct Cell: Equatable, Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var role: StyleRole
    public var attributes: TextAttributes

    public init(_ scalar: Unicode.Scalar = " ", role: StyleRole = .text, attributes: TextAttributes = []) {
        self.scalar = scalar
        self.role = role
        self.attributes = attributes
    }

    /// An empty cell drawn in the background role.
    public static let blank = Cell(" ", role: .background)
}
