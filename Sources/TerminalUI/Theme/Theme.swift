/// A named mapping from every `StyleRole` to a `RoleStyle`.
///
/// Views only name roles; the terminal layer asks the theme how each role looks.
/// A theme always answers for every role: roles it does not define fall back to
/// `Theme.default` (the built-in, see `Theme+BuiltIn.swift`), so a partial theme
/// file can never leave a cell without a style.
public struct Theme: Equatable, Sendable {
    /// The name the operator sees and cycles by (the file name without `.toml`).
    public let name: String
    private let styles: [StyleRole: RoleStyle]

    /// A theme with `styles`; roles missing from it take `fallback`'s style.
    public init(name: String, styles: [StyleRole: RoleStyle], fallback: Theme? = .default) {
        self.name = name
        var complete = styles
        if let fallback {
            for role in StyleRole.allCases where complete[role] == nil {
                complete[role] = fallback.style(for: role)
            }
        }
        self.styles = complete
    }

    /// How `role` looks in this theme (plain text if neither it nor its fallback says).
    public func style(for role: StyleRole) -> RoleStyle {
        styles[role] ?? RoleStyle()
    }

    /// This theme as a terminal of `depth` shows it, colours degraded role by role.
    ///
    /// For `.monochrome` this only strips colours; to choose the monochrome theme
    /// for a terminal without colour, use `effective(for:monochrome:)`.
    public func degraded(to depth: ColorDepth) -> Theme {
        var degraded: [StyleRole: RoleStyle] = [:]
        for role in StyleRole.allCases { degraded[role] = style(for: role).degraded(to: depth) }
        return Theme(name: name, styles: degraded, fallback: nil)
    }

    /// The theme to draw with on a terminal of `depth`: this one degraded, or, with
    /// no colour at all (`NO_COLOR` or a terminal without colours), `monochrome`,
    /// whose states differ by bold/reverse/underline/dim alone (htop does the same).
    public func effective(for depth: ColorDepth, monochrome: Theme = .monochrome) -> Theme {
        depth == .monochrome ? monochrome.degraded(to: .monochrome) : degraded(to: depth)
    }
}
