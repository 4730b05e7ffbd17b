/// One vital sign compared with its baseline for discharge: baseline, current value and
/// the change in percent (positive = higher than baseline).
public struct VitalComparison: Hashable, Codable, Sendable {
    public var kind: VitalKind
    public var baseline: Double
    /// The latest reading; nil when there is none (no value, or withdrawn as too old).
    public var current: Double?
    /// The change from baseline in percent (`+25.0` is 25 % above); nil without a current
    /// value or with a zero baseline.
    public var percentChange: Double?
    /// Whether the change is within the tolerance (false without a current value).
    public var isWithinTolerance: Bool

    /// Compares `current` with `baseline` against `tolerance` (a fraction: 0.2 = ±20 %).
    public init(kind: VitalKind, baseline: Double, current: Double?, tolerance: Double) {
        self.kind = kind
        self.baseline = baseline
        self.current = current
        if let current, baseline != 0 {
            let change = (current - baseline) / baseline * 100
            percentChange = change
            // A small epsilon keeps exactly ±20 % inside despite binary rounding.
            isWithinTolerance = abs(change) <= tolerance * 100 + 1e-9
        } else {
            percentChange = nil
            isWithinTolerance = false
        }
    }

    /// `SYS 150 vs 120 (+25 %)` or `SYS -- vs 120 (no reading)`.
    public var label: String {
        let base = kind.format(baseline)
        guard let current else { return "\(kind.rawValue) -- vs \(base) (no reading)" }
        guard let percentChange else { return "\(kind.rawValue) \(kind.format(current)) vs \(base)" }
        let sign = percentChange >= 0 ? "+" : "−"
        return "\(kind.rawValue) \(kind.format(current)) vs \(base) (\(sign)\(NumberText.fixed(abs(percentChange), decimals: 0)) %)"
    }
}
