import Foundation
import InfusionCore

/// One entry of a `FormDialog`: what is typed, and what counts as a valid answer.
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Free text up to `maxLength` characters.
        case text(maxLength: Int)
        /// A positive number (`DoseEntry` rules: `0.5`, never `.5`).
        case number
        /// A calendar date typed `YYYY-MM-DD`.
        case date
        /// One of `options`, picked by its number (1-9).
        case choice([String])
        /// A whole score in `range`, one digit (CADSS items 0-4, Aldrete items 0-2).
        case score(ClosedRange<Int>)
        /// A PIN: typed, never drawn.
        case secret
    }

    /// The key the form's builder reads (`mrn`, `weight`).
    public var key: String
    public var label: String
    public var kind: Kind
    public var value: String
    /// An optional field may be left empty.
    public var isOptional: Bool

    public init(_ key: String, _ label: String, _ kind: Kind, value: String = "", optional: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.value = value
        self.isOptional = optional
    }

    /// Why the value cannot be accepted, or nil.
    public var problem: String? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return isOptional ? nil : "\(label): required" }
        switch kind {
        case .text, .secret: return nil
        case .number:
            if case .failure(let problem) = DoseEntry.parse(text) { return "\(label): \(problem.message)" }
            return nil
        case .date: return FormField.date(text) == nil ? "\(label): type the date as YYYY-MM-DD" : nil
        case .choice(let options): return options.contains(text) ? nil : "\(label): pick 1-\(options.count)"
        case .score(let range):
            guard let score = Int(text), range.contains(score) else {
                return "\(label): \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        }
    }

    /// Applies a typed character; digits pick choices and scores.
    mutating func type(_ character: Character) {
        switch kind {
        case .choice(let options):
            if let number = character.wholeNumberValue, (1...options.count).contains(number) { value = options[number - 1] }
        case .score(let range):
            if let number = character.wholeNumberValue, range.contains(number) { value = String(number) }
        case .number:
            if ".0123456789".contains(character), value.count < 12 { value.append(character) }
        case .date:
            if "-0123456789".contains(character), value.count < 10 { value.append(character) }
        case .text(let maxLength):
            if value.count < maxLength, !character.isNewline { value.append(character) }
        case .secret:
            if value.count < 32, character.isASCII, !character.isWhitespace { value.append(character) }
        }
    }

    /// The start of `text`'s day (`YYYY-MM-DD`) in `zone`, or nil when it is no real date.
    static func date(_ text: String, in zone: DisplayZone = .utc) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard text.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
            (1900...2200).contains(year), let civil = CivilDate(year: year, month: month, day: day) else { return nil }
        return zone.startOfDay(civil)
    }
}
