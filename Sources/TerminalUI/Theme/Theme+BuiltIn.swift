// MARK: - Built-in themes

extension Theme {
    /// The built-in default theme, for a dark terminal with at least 8 colours.
    ///
    /// It is the fallback for every role a theme file leaves out, and
    /// `themes/default.toml` must say exactly the same (a test checks). Alarm colours
    /// follow IEC 60601-1-8 (high red, medium yellow, low cyan), and each alarm
    /// level also carries its own attribute so it survives colour degradation.
    public static let `default` = Theme(
        name: "default",
        styles: [
            .background: RoleStyle(),
            .text: RoleStyle(),
            .dim: .attributes(.dim),
            .border: RoleStyle(foreground: .palette(4)),
            .header: RoleStyle(foreground: .palette(15), background: .palette(4), attributes: .bold),
            .footer: RoleStyle(foreground: .palette(0), background: .palette(6)),
            .selected: RoleStyle(foreground: .palette(0), background: .palette(7), attributes: .bold),
            .label: RoleStyle(foreground: .palette(6)),
            .ok: RoleStyle(foreground: .palette(2)),
            .stale: .attributes(.dim),
            .pending: RoleStyle(foreground: .palette(3), attributes: .underline),
            .alarmHigh: RoleStyle(foreground: .palette(15), background: .palette(1), attributes: .bold),
            .alarmMedium: RoleStyle(foreground: .palette(0), background: .palette(3)),
            .alarmLow: RoleStyle(foreground: .palette(14), attributes: .underline),
            .technical: RoleStyle(foreground: .palette(13), attributes: .underline),
            .simulated: RoleStyle(foreground: .palette(0), background: .palette(5)),
            .sparkline: RoleStyle(foreground: .palette(2)),
            .dialog: RoleStyle(foreground: .palette(0), background: .palette(7)),
        ],
        fallback: nil)

    /// The built-in monochrome theme: attributes only, no colours.
    ///
    /// Chosen automatically under `NO_COLOR` or on a terminal without colours. Every
    /// state role has its own set of attributes, so no state depends on colour:
    /// high alarm reverse+bold, medium reverse, low bold, technical underline,
    /// stale dim, pending dim+underline, simulated reverse+dim, selected
    /// bold+underline, ok plain.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .background: RoleStyle(),
            .text: RoleStyle(),
            .dim: .attributes(.dim),
            .border: RoleStyle(),
            .header: .attributes(.bold),
            .footer: .attributes(.reverse),
            .selected: .attributes([.bold, .underline]),
            .label: RoleStyle(),
            .ok: RoleStyle(),
            .stale: .attributes(.dim),
            .pending: .attributes([.dim, .underline]),
            .alarmHigh: .attributes([.reverse, .bold]),
            .alarmMedium: .attributes(.reverse),
            .alarmLow: .attributes(.bold),
            .technical: .attributes(.underline),
            .simulated: .attributes([.reverse, .dim]),
            .sparkline: RoleStyle(),
            .dialog: RoleStyle(),
        ],
        fallback: nil)

    /// The roles that mark a state (as opposed to layout); in the monochrome theme
    /// each of these has a different set of attributes.
    public static let stateRoles: [StyleRole] = [
        .selected, .ok, .stale, .pending, .alarmHigh, .alarmMedium, .alarmLow, .technical, .simulated,
    ]
}
