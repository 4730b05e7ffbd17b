/// A physical quantity whose unit is part of its type.
///
/// Doses, rates and weights never travel as bare `Double`s between modules: a
/// `MillilitersPerHour` cannot be passed where `MilligramsPerKilogramPerHour` is
/// expected, which rules out the classic "dose typed into the rate field" slip at
/// compile time. Conversions between units live in `DoseMath` only.
public protocol Quantity: Comparable, Hashable, Codable, Sendable, CustomStringConvertible {
    /// The magnitude in this type's unit.
    var value: Double { get }
    init(_ value: Double)
    /// The unit symbol shown beside the number (`mg/kg/h`).
    static var unitSymbol: String { get }
    /// How many decimals the screen shows for this unit.
    static var displayDecimals: Int { get }
}

extension Quantity {
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Self, rhs: Self) -> Self { Self(lhs.value + rhs.value) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(lhs.value - rhs.value) }
    public static func * (lhs: Self, factor: Double) -> Self { Self(lhs.value * factor) }
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    public static var zero: Self { Self(0) }

    /// The number with its unit, never with an ambiguous decimal (`0.75 mg/kg/h`).
    public var description: String { "\(formatted) \(Self.unitSymbol)" }

    /// The number alone, with the unit's display decimals and a leading zero.
    public var formatted: String { NumberText.fixed(value, decimals: Self.displayDecimals) }
}
