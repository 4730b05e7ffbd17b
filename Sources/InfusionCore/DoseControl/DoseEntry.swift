import Foundation

/// Parses numbers typed at the keyboard for doses and weights, refusing ambiguous forms.
///
/// ISMP: a naked decimal (`.5`) is misread as 5; the station therefore asks for `0.5`.
/// Only digits and one `.` are accepted: no commas, signs, exponents or units.
public enum DoseEntry {
    /// Why typed text is not a number the station accepts.
    public enum Problem: Error, Hashable, Sendable {
        case empty
        case nakedDecimal
        case notANumber
        case notPositive

        public var message: String {
            switch self {
            case .empty: "Type a value"
            case .nakedDecimal: "Type a leading zero (0.5, not .5)"
            case .notANumber: "Digits and one decimal point only"
            case .notPositive: "Must be more than 0"
            }
        }
    }

    /// A positive number from `text` (`0.9`, `12`, `12.5`).
    public static func parse(_ text: String) -> Result<Double, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        if trimmed.hasPrefix(".") { return .failure(.nakedDecimal) }
        guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            trimmed.filter({ $0 == "." }).count <= 1, !trimmed.hasSuffix("."), let value = Double(trimmed)
        else { return .failure(.notANumber) }
        guard value > 0 else { return .failure(.notPositive) }
        return .success(value)
    }

    /// A dose rate typed in mg/kg/h.
    public static func rate(_ text: String) -> Result<MilligramsPerKilogramPerHour, Problem> {
        parse(text).map { MilligramsPerKilogramPerHour($0) }
    }

    /// A weight typed in kg (never lb).
    public static func weight(_ text: String) -> Result<Kilograms, Problem> {
        parse(text).map { Kilograms($0) }
    }
}
