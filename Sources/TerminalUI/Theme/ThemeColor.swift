import Foundation

/// One colour of a theme: a named ANSI colour (0-15), a 256-palette index, or RGB.
///
/// Written in theme files as a name (`"red"`, `"bright-yellow"`), a palette index
/// (`208` or `"208"`), or `"#rrggbb"`. A role with no colour (`nil` in `RoleStyle`)
/// uses the terminal's own default, which is why there is no "default" case here.
public enum ThemeColor: Hashable, Sendable, CustomStringConvertible {
    /// An index into the xterm 256-colour palette; 0-15 are the named ANSI colours.
    case palette(UInt8)
    /// A true colour, degraded to the nearest palette entry where needed.
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The sixteen ANSI names, in palette order (index 0 is `black`).
    public static let ansiNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses a colour as written in a theme file; `nil` when it is not one.
    ///
    /// ```swift
    /// ThemeColor(parsing: "bright-red")  // .palette(9)
    /// ThemeColor(parsing: "#ff8700")     // .rgb(red: 255, green: 135, blue: 0)
    /// ```
    public init?(parsing text: String) {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let index = Self.ansiNames.firstIndex(of: name) {
            self = .palette(UInt8(index))
        } else if name == "grey" || name == "gray" {
            self = .palette(8)
        } else if name.hasPrefix("#") {
            let hex = name.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            self = .rgb(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
        } else if let index = Int(name), let palette = Self(paletteIndex: index) {
            self = palette
        } else {
            return nil
        }
    }

    /// A palette colour from an integer index; `nil` outside 0...255.
    public init?(paletteIndex: Int) {
        guard (0...255).contains(paletteIndex) else { return nil }
        self = .palette(UInt8(paletteIndex))
    }

    /// The form a theme file uses: the ANSI name, the palette index, or `#rrggbb`.
    public var description: String {
        switch self {
        case .palette(let index) where index < 16: Self.ansiNames[Int(index)]
        case .palette(let index): "\(index)"
        case .rgb(let red, let green, let blue): "#" + [red, green, blue].map(Self.hexByte).joined()
        }
    }

    /// The palette index curses needs; `nil` for an RGB colour (degrade it first).
    public var paletteIndex: Int? {
        if case .palette(let index) = self { return Int(index) }
        return nil
    }

    /// The approximate RGB value, from the xterm default palette for indexed colours.
    public var approximateRGB: (red: Int, green: Int, blue: Int) {
        switch self {
        case .rgb(let red, let green, let blue): (Int(red), Int(green), Int(blue))
        case .palette(let index): XtermPalette.rgb(ofIndex: Int(index))
        }
    }

    /// The nearest colour a terminal of `depth` can show; `nil` for `.monochrome`.
    ///
    /// True colour keeps everything; 256 maps RGB to the nearest cube or grey entry;
    /// 16 maps to the nearest ANSI colour; 8 maps to the nearest of the first eight,
    /// so `bright-red` becomes `red` and `bright-black` (grey) becomes `white`.
    public func degraded(to depth: ColorDepth) -> ThemeColor? {
        switch depth {
        case .monochrome: return nil
        case .trueColor: return self
        case .palette256:
            if case .palette = self { return self }
            return .palette(UInt8(XtermPalette.nearest(to: approximateRGB, among: 16..<256)))
        case .ansi16:
            if let index = paletteIndex, index < 16 { return self }
            return .palette(UInt8(XtermPalette.nearest(to: approximateRGB, among: 0..<16)))
        case .ansi8:
            if let index = paletteIndex, index < 8 { return self }
            return .palette(UInt8(XtermPalette.nearest(to: approximateRGB, among: 0..<8)))
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
