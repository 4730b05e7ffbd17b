public import Foundation
import TOMLKit

/// Reads theme files (`themes/<name>.toml`): one table per `StyleRole` key.
///
/// ```toml
/// description = "optional, shown nowhere but the file"
///
/// [alarm-high]
/// fg = "white"          # ANSI name, palette index (208 or "208"), "#rrggbb", or "default"
/// bg = "red"
/// attrs = ["bold"]      # bold, reverse, underline, dim
/// ```
///
/// Inside a role table a missing `fg`/`bg` means the terminal's default colour and a
/// missing `attrs` means none. A role left out of the file takes the built-in
/// default theme's style. Unknown roles, keys, colours and attributes are warnings
/// (the value falls back to the default theme's); only invalid TOML is an error.
public enum ThemeLoader {
    /// Parses the text of a theme file named `fileName` (used for the theme's name
    /// and in every message); returns the theme and its warnings.
    public static func parse(text: String, fileName: String) throws(ThemeError) -> (Theme, warnings: [String]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .malformed(
                file: fileName, line: error.source.begin.line, column: error.source.begin.column,
                reason: error.description)
        } catch {
            throw .malformed(file: fileName, line: 0, column: 0, reason: "\(error)")
        }
        var warnings: [String] = []
        var styles: [StyleRole: RoleStyle] = [:]
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            if key == "description" && value.string != nil { continue }
            guard let role = StyleRole(rawValue: key) else {
                warnings.append("\(fileName): unknown role [\(key)] ignored; roles are "
                    + StyleRole.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            guard let roleTable = value.table else {
                warnings.append("\(fileName): [\(key)] must be a table; using the default theme's \(key)")
                continue
            }
            styles[role] = parseRole(roleTable, role: role, fileName: fileName, warnings: &warnings)
        }
        for role in StyleRole.allCases where styles[role] == nil {
            warnings.append("\(fileName): role [\(role.rawValue)] missing; using the default theme's")
        }
        let name = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        return (Theme(name: name, styles: styles, fallback: .default), warnings)
    }

    /// Reads and parses the theme file at `url`; the file name in messages is its path.
    public static func load(contentsOf url: URL) throws(ThemeError) -> (Theme, warnings: [String]) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try parse(text: text, fileName: url.path)
    }

    // MARK: - Roles

    private static func parseRole(
        _ table: TOMLTable, role: StyleRole, fileName: String, warnings: inout [String]
    ) -> RoleStyle {
        let fallback = Theme.default.style(for: role)
        var style = RoleStyle()
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let place = "\(fileName): [\(role.rawValue)] \(key)"
            switch key {
            case "fg", "bg":
                let fallbackColor = key == "fg" ? fallback.foreground : fallback.background
                let color: ThemeColor?
                switch parseColor(value) {
                case .some(.some(let parsed)): color = parsed
                case .some(.none): color = nil
                case .none:
                    warnings.append("\(place): unknown colour \(value.debugDescription); using the default theme's")
                    color = fallbackColor
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                style.attributes = parseAttributes(value, place: place, warnings: &warnings)
            default:
                warnings.append("\(place): unknown key ignored; keys are fg, bg, attrs")
            }
        }
        return style
    }

    /// `.some(color)` for a colour, `.some(nil)` for "default", `nil` when invalid.
    private static func parseColor(_ value: any TOMLValueConvertible) -> ThemeColor?? {
        if let index = value.int { return ThemeColor(paletteIndex: index).map { .some($0) } }
        guard let text = value.string else { return nil }
        if text.lowercased() == "default" { return .some(nil) }
        return ThemeColor(parsing: text).map { .some($0) }
    }

    private static func parseAttributes(
        _ value: any TOMLValueConvertible, place: String, warnings: inout [String]
    ) -> TextAttributes {
        let names: [String]
        if let array = value.array {
            names = array.compactMap { $0.string }
            if names.count != array.count { warnings.append("\(place): attributes must be strings") }
        } else if let single = value.string {
            names = [single]
        } else {
            warnings.append("\(place): must be a list such as [\"bold\"]")
            return []
        }
        var attributes: TextAttributes = []
        for name in names {
            if let attribute = attributeNames[name.lowercased()] {
                attributes.insert(attribute)
            } else {
                warnings.append("\(place): unknown attribute \"\(name)\" ignored; attributes are bold, reverse, underline, dim")
            }
        }
        return attributes
    }

    private static let attributeNames: [String: TextAttributes] = [
        "bold": .bold, "reverse": .reverse, "underline": .underline, "dim": .dim,
    ]
}
