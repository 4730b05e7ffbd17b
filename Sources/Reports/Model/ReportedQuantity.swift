public import InfusionCore

/// A dose, rate, weight or volume in a report: typed in Swift, self-describing in JSON.
///
/// Encodes as `{"unit":"mg/kg/h","value":0.75}` so that another system reading the JSON
/// never has to guess a unit; the value is rounded to 4 decimals (0.1 µg for a mass in
/// mg), which hides floating-point noise from integrated doses and keeps golden files
/// stable. Decoding checks that the unit is the one the Swift type says.
public struct ReportedQuantity<Unit: Quantity>: Hashable, Codable, Sendable {
    /// The quantity, at full precision.
    public var quantity: Unit

    public init(_ quantity: Unit) { self.quantity = quantity }

    /// The number with its display decimals and unit (`0.75 mg/kg/h`).
    public var text: String { quantity.description }

    /// The number alone with its display decimals (`0.75`).
    public var formatted: String { quantity.formatted }

    private enum CodingKeys: String, CodingKey { case unit, value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let unit = try container.decode(String.self, forKey: .unit)
        guard unit == Unit.unitSymbol else {
            throw DecodingError.dataCorruptedError(
                forKey: .unit, in: container, debugDescription: "expected unit \(Unit.unitSymbol), found \(unit)")
        }
        quantity = Unit(try container.decode(Double.self, forKey: .value))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Unit.unitSymbol, forKey: .unit)
        try container.encode(ReportNumber.rounded(quantity.value, decimals: 4), forKey: .value)
    }
}

/// Number helpers shared by the report's encoders and renderers.
enum ReportNumber {
    /// `value` rounded to `decimals` places (non-finite values pass through).
    static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let result = (value * scale).rounded() / scale
        return result == 0 ? 0 : result  // no "-0"
    }

    /// A plain machine number for CSV: up to 4 decimals, trailing zeros dropped, always a
    /// leading zero, never an exponent (`0.75`, `60`, `37.5`).
    static func plain(_ value: Double) -> String {
        var text = NumberText.fixed(value, decimals: 4)
        guard text != "--", text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
