/// Hands out curses colour-pair numbers for (foreground, background) combinations
/// on demand, since a terminal has few pairs (a plain `xterm` has 64).
///
/// Colours are palette indices; `nil` is the terminal's default colour. Pair 0 is
/// curses' fixed default pair and is used for (nil, nil) and, once every pair is
/// taken, for anything new (the text stays readable, only its colour is lost).
/// Reset it when the theme changes, then repaint everything.
public struct ColorPairRegistry: Sendable {
    /// A pair number, and whether the caller must now define it (`init_pair`).
    public struct Allocation: Equatable, Sendable {
        public var number: Int
        public var isNew: Bool
    }

    private struct Colors: Hashable {
        var foreground: Int?
        var background: Int?
    }

    /// How many pairs can be handed out (numbers 1...capacity).
    public let capacity: Int
    private var numbers: [Colors: Int] = [:]

    /// A registry for a terminal with `pairCount` pairs (curses' `COLOR_PAIRS`),
    /// capped to what a `short` pair number can hold.
    public init(pairCount: Int) {
        capacity = max(0, min(pairCount, Int(Int16.max)) - 1)
    }

    /// How many pairs are in use.
    public var count: Int { numbers.count }

    /// The pair for `foreground` on `background`; pair 0 when they are both the
    /// default or when no pair is left.
    public mutating func pair(foreground: Int?, background: Int?) -> Allocation {
        let colors = Colors(foreground: foreground, background: background)
        if foreground == nil && background == nil { return Allocation(number: 0, isNew: false) }
        if let number = numbers[colors] { return Allocation(number: number, isNew: false) }
        guard numbers.count < capacity else { return Allocation(number: 0, isNew: false) }
        let number = numbers.count + 1
        numbers[colors] = number
        return Allocation(number: number, isNew: true)
    }

    /// Forgets every pair (after a theme change).
    public mutating func reset() {
        numbers.removeAll()
    }
}
