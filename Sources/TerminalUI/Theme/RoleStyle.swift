/// How one `StyleRole` looks: colours (nil = the terminal's default) and attributes.
///
/// Attributes are kept even when colours are dropped, so a state that a theme marks
/// with bold or reverse stays visible on a terminal without colour.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: TextAttributes

    public init(foreground: ThemeColor? = nil, background: ThemeColor? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// A style with attributes only (for monochrome themes).
    public static func attributes(_ attributes: TextAttributes) -> RoleStyle {
        RoleStyle(attributes: attributes)
    }

    /// This style as a terminal of `depth` can show it.
    ///
    /// Each colour goes to its nearest neighbour (`ThemeColor.degraded(to:)`). Two
    /// guards keep text readable after that: a foreground that was a bright ANSI
    /// colour and lost its brightness gains `.bold` (most terminals draw bold as
    /// bright); and a foreground that would land on its own background, or on black
    /// over the terminal's (usually black) default background, is dropped to the
    /// terminal's default foreground with `.dim`, rather than vanishing.
    public func degraded(to depth: ColorDepth) -> RoleStyle {
        guard depth != .monochrome else { return RoleStyle(attributes: attributes) }
        var result = RoleStyle(
            foreground: foreground?.degraded(to: depth),
            background: background?.degraded(to: depth),
            attributes: attributes)
        if let original = foreground?.paletteIndex, (9...15).contains(original),
            let now = result.foreground?.paletteIndex, now < 8 {
            result.attributes.insert(.bold)
        }
        if let newForeground = result.foreground, foreground != nil {
            let blackOnDefault = newForeground == .palette(0) && result.background == nil
                && foreground != .palette(0)
            if newForeground == result.background || blackOnDefault {
                result.foreground = nil
                result.attributes.insert(.dim)
            }
        }
        return result
    }
}
