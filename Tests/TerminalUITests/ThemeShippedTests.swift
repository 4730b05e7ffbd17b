import Foundation
import Testing
@testable import TerminalUI

@Suite("Shipped themes")
struct ThemeShippedTests {
    static let shippedNames = ["default", "night", "high-contrast", "monochrome", "colorblind"]

    @Test("every shipped theme loads with no warnings", arguments: shippedNames)
    func loadsCleanly(name: String) throws {
        let (theme, warnings) = try ThemeLoader.load(contentsOf: ThemeFixtures.url(name))
        #expect(warnings == [])
        #expect(theme.name == name)
    }

    @Test("themes/default.toml says exactly what the built-in default says")
    func defaultFileMatchesBuiltIn() throws {
        let theme = try ThemeFixtures.shipped("default")
        for role in StyleRole.allCases {
            #expect(theme.style(for: role) == Theme.default.style(for: role), "role \(role.rawValue)")
        }
    }

    @Test("themes/monochrome.toml matches the built-in and has no colours")
    func monochromeFileMatchesBuiltIn() throws {
        let theme = try ThemeFixtures.shipped("monochrome")
        for role in StyleRole.allCases {
            #expect(theme.style(for: role) == Theme.monochrome.style(for: role), "role \(role.rawValue)")
            #expect(theme.style(for: role).foreground == nil && theme.style(for: role).background == nil)
        }
    }

    @Test("in monochrome every state role has its own attributes")
    func monochromeStatesDiffer() {
        let sets = Theme.stateRoles.map { Theme.monochrome.style(for: $0).attributes.rawValue }
        #expect(Set(sets).count == Theme.stateRoles.count)
    }

    @Test("colour-blind theme: alarm levels differ by attribute, and it uses no pure red or green")
    func colorblindDoesNotLeanOnRedGreen() throws {
        let theme = try ThemeFixtures.shipped("colorblind")
        let alarms: [StyleRole] = [.alarmHigh, .alarmMedium, .alarmLow, .ok]
        #expect(Set(alarms.map { theme.style(for: $0).attributes.rawValue }).count == alarms.count - 1)
        let redGreen: Set<ThemeColor> = [.palette(1), .palette(2), .palette(9), .palette(10)]
        for role in StyleRole.allCases {
            let style = theme.style(for: role)
            #expect(style.foreground.map { !redGreen.contains($0) } ?? true, "\(role.rawValue)")
            #expect(style.background.map { !redGreen.contains($0) } ?? true, "\(role.rawValue)")
        }
    }

    @Test("the catalog loads the folder: default first, sorted, and cycles round")
    func catalog() {
        let catalog = ThemeCatalog.load(directory: ThemeFixtures.themesDirectory)
        #expect(catalog.errors.isEmpty)
        #expect(catalog.warnings.isEmpty)
        #expect(catalog.themes.map(\.name) == ["default", "colorblind", "high-contrast", "monochrome", "night"])
        #expect(catalog.theme(after: "default").name == "colorblind")
        #expect(catalog.theme(after: "night").name == "default")
        #expect(catalog.theme(after: "nonexistent").name == "default")
        #expect(catalog.theme(named: "night") != nil)
    }

    @Test("a bad file is reported and skipped; built-ins remain")
    func catalogSkipsBadFiles() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("theme-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "[text\n".write(to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        try "[ok]\nfg = \"blue\"\n".write(to: directory.appendingPathComponent("blue.toml"), atomically: true, encoding: .utf8)
        try "not a theme".write(to: directory.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)

        let catalog = ThemeCatalog.load(directory: directory)
        #expect(catalog.themes.map(\.name) == ["default", "blue", "monochrome"])
        #expect(catalog.errors.count == 1)
        #expect(catalog.errors.first?.file.hasSuffix("broken.toml") == true)
        #expect(!catalog.warnings.isEmpty)

        let missing = ThemeCatalog.load(directory: directory.appendingPathComponent("nope"))
        #expect(missing.themes.map(\.name) == ["default", "monochrome"])
        #expect(missing.errors.count == 1)
    }
}
