import ArgumentParser
import ClinicApp
import Foundation
import InfusionCore

/// `infusion-central user add`: makes a `[[user]]` entry from a PIN typed twice without echo.
struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage station users (the PIN is stored only as a PBKDF2 hash).",
        subcommands: [Add.self])
}

extension User {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Ask for a PIN twice (not echoed) and print the [[user]] entry to add to the clinic file.")

        @Option(name: .long, help: "Sign-in ID: 2-32 letters, digits, '.', '-' or '_' (e.g. dr.lee).")
        var id: String

        @Option(name: .long, help: "Printed name, as shown on records and sign-offs.")
        var name: String

        @Option(name: .long, help: "physician or nurse.")
        var role: String

        func validate() throws {
            guard (2...32).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw ValidationError("--id must be 2-32 letters, digits, '.', '-' or '_'")
            }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name must not be empty") }
            guard ClinicianRole(rawValue: role) != nil else { throw ValidationError("--role must be physician or nurse") }
        }

        func run() throws {
            let first = try PINPrompt.read("PIN for \(id) (4-8 digits): ")
            guard PINHasher.isValidPIN(first) else {
                FileHandle.standardError.write(Data("user add: the PIN must be 4 to 8 digits\n".utf8))
                throw ExitCode(1)
            }
            let second = try PINPrompt.read("Type the PIN again: ")
            guard first == second else {
                FileHandle.standardError.write(Data("user add: the two PINs differ; nothing was made\n".utf8))
                throw ExitCode(1)
            }
            let hash = try PINHasher().hash(first)
            print("""
                [[user]]
                id = \(Self.quoted(id))
                name = \(Self.quoted(name))
                role = \(Self.quoted(role))
                pin_hash = \(Self.quoted(hash))
                """)
        }

        /// A TOML basic string.
        static func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\t": result += "\\t"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        result += String(format: "\\u%04X", scalar.value)
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "\""
        }
    }
}

/// Reads a line from the terminal with echo off (termios), restoring the terminal after.
/// Without a terminal (a pipe, for scripts) it reads a plain line.
enum PINPrompt {
    static func read(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else { throw ExitCode(1) }
            return line
        }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw ExitCode(1) }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0 else { throw ExitCode(1) }
        defer { _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        guard let line = readLine(strippingNewline: true) else { throw ExitCode(1) }
        return line
    }
}
