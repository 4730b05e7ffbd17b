import Foundation
import Testing
@testable import TerminalUI

@Suite("Theme files")
struct ThemeLoaderTests {
    @Test("a complete file loads with its colours and attributes, and no warnings")
    func goodFile() throws {
        var text = ""
        for role in StyleRole.allCases { text += "[\(role.rawValue)]\n" }
        text = text.replacingOccurrences(
            of: "[alarm-high]\n", with: "[alarm-high]\nfg = \"white\"\nbg = \"red\"\nattrs = [\"bold\", \"reverse\"]\n")
        text = text.replacingOccurrences(of: "[ok]\n", with: "[ok]\nfg = 33\nbg = \"#000080\"\n")
        let (theme, warnings) = try ThemeLoader.parse(text: text, fileName: "themes/good.toml")
        #expect(warnings.isEmpty)
        #expect(theme.name == "good")
        #expect(theme.style(for: .alarmHigh) == RoleStyle(
            foreground: .palette(7), background: .palette(1), attributes: [.bold, .reverse]))
        #expect(theme.style(for: .ok) == RoleStyle(
            foreground: .palette(33), background: .rgb(red: 0, green: 0, blue: 128)))
        #expect(theme.style(for: .header) == RoleStyle())
    }

    @Test("a role left out falls back to the default theme, with a warning naming file and role")
    func partialFile() throws {
        let text = """
            description = "only alarms"
            [alarm-high]
            fg = "yellow"
            """
        let (theme, warnings) = try ThemeLoader.parse(text: text, fileName: "themes/partial.toml")
        #expect(theme.style(for: .alarmHigh) == RoleStyle(foreground: .palette(3)))
        #expect(theme.style(for: .header) == Theme.default.style(for: .header))
        #expect(warnings.count == StyleRole.allCases.count - 1)
        #expect(warnings.contains("themes/partial.toml: role [header] missing; using the default theme's"))
        #expect(!warnings.contains { $0.contains("[alarm-high]") })
    }

    @Test("invalid TOML is an error naming the file and the line")
    func malformedFile() {
        let text = "[text]\nfg = \"white\"\n\n[header\nfg = \"red\"\n"
        #expect {
            _ = try ThemeLoader.parse(text: text, fileName: "themes/broken.toml")
        } throws: { error in
            guard case .malformed(let file, let line, _, _) = error as? ThemeError else { return false }
            return file == "themes/broken.toml" && line == 4
                && (error as? ThemeError)?.description.hasPrefix("themes/broken.toml:4:") == true
        }
    }

    @Test("an unknown colour is a warning naming file, role and key; the default's colour is kept")
    func unknownColour() throws {
        let text = "[alarm-high]\nfg = \"redd\"\nbg = 300\n"
        let (theme, warnings) = try ThemeLoader.parse(text: text, fileName: "x.toml")
        let high = theme.style(for: .alarmHigh)
        #expect(high.foreground == Theme.default.style(for: .alarmHigh).foreground)
        #expect(high.background == Theme.default.style(for: .alarmHigh).background)
        #expect(warnings.contains { $0.hasPrefix("x.toml: [alarm-high] fg: unknown colour") && $0.contains("redd") })
        #expect(warnings.contains { $0.hasPrefix("x.toml: [alarm-high] bg: unknown colour") })
    }

    @Test("unknown roles, keys and attributes are warnings; \"default\" means the terminal's colour")
    func unknownNames() throws {
        let text = "[alarm-huge]\nfg = \"red\"\n[text]\nfg = \"default\"\ncolour = 1\nattrs = [\"blink\", \"bold\"]\n"
        let (theme, warnings) = try ThemeLoader.parse(text: text, fileName: "y.toml")
        #expect(theme.style(for: .text) == RoleStyle(attributes: .bold))
        #expect(warnings.contains { $0.hasPrefix("y.toml: unknown role [alarm-huge]") })
        #expect(warnings.contains { $0.hasPrefix("y.toml: [text] colour: unknown key") })
        #expect(warnings.contains { $0.hasPrefix("y.toml: [text] attrs: unknown attribute \"blink\"") })
    }
}
