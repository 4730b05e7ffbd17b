public import Foundation

/// Every theme available to the operator: the built-in ones plus `*.toml` files.
///
/// Loading never fails as a whole: a bad file is reported in `errors` and skipped,
/// and the built-in `default` and `monochrome` are always there (a file of the same
/// name replaces them). Themes are sorted by name with `default` first; `t` cycles
/// through them with `theme(after:)`.
public struct ThemeCatalog: Sendable {
    /// All themes, `default` first, then by name; never empty.
    public let themes: [Theme]
    /// Warnings from files that loaded (missing roles, unknown colours...).
    public let warnings: [String]
    /// Files that could not be used at all.
    public let errors: [ThemeError]

    /// A catalog of `themes` plus the built-ins they do not replace.
    public init(themes: [Theme], warnings: [String] = [], errors: [ThemeError] = []) {
        var byName: [String: Theme] = [Theme.default.name: .default, Theme.monochrome.name: .monochrome]
        for theme in themes { byName[theme.name] = theme }
        self.themes = byName.values.sorted { lhs, rhs in
            if lhs.name == Theme.default.name || rhs.name == Theme.default.name {
                return lhs.name == Theme.default.name
            }
            return lhs.name < rhs.name
        }
        self.warnings = warnings
        self.errors = errors
    }

    /// Loads every `*.toml` file in `directory` (sorted by file name).
    public static func load(directory: URL, fileManager: FileManager = .default) -> ThemeCatalog {
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory.path)
        } catch {
            return ThemeCatalog(
                themes: [], errors: [.unreadable(file: directory.path, reason: error.localizedDescription)])
        }
        var themes: [Theme] = []
        var warnings: [String] = []
        var errors: [ThemeError] = []
        for name in names.sorted() where name.hasSuffix(".toml") {
            do {
                let (theme, fileWarnings) = try ThemeLoader.load(contentsOf: directory.appendingPathComponent(name))
                themes.append(theme)
                warnings += fileWarnings
            } catch {
                errors.append(error)
            }
        }
        return ThemeCatalog(themes: themes, warnings: warnings, errors: errors)
    }

    /// The theme called `name`, if there is one.
    public func theme(named name: String) -> Theme? {
        themes.first { $0.name == name }
    }

    /// The theme after the one called `name`, wrapping round; `default` if `name`
    /// is unknown. Used for live cycling with `t`.
    public func theme(after name: String) -> Theme {
        guard let index = themes.firstIndex(where: { $0.name == name }) else { return themes[0] }
        return themes[(index + 1) % themes.count]
    }
}
