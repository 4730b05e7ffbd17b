/// What a cell means, not how it looks: themes map each role to colours and attributes.
///
/// Keeping the meaning in the buffer lets the theme change live (`t`) without
/// re-rendering logic, and lets golden tests assert meaning instead of escape codes.
/// The raw value is the role's key in a theme file (`themes/*.toml`).
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    case background
    case text
    case dim
    case border
    case header
    case footer
    case selected
    case label
    case ok
    case stale
    case pending
    case alarmHigh = "alarm-high"
    case alarmMedium = "alarm-medium"
    case alarmLow = "alarm-low"
    case technical
    case simulated
    case sparkline
    case dialog
}
