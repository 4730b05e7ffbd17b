/// Why a dose intent was refused. A refusal has no override: the dialog shows `message`.
public enum DoseRefusal: Error, Hashable, Sendable {
    case access(AccessRefusal)
    case unknownChair
    case noSession
    /// The session or pump is not in a state for this action (`not infusing`).
    case notAllowedNow(String)
    case commandPending
    case noDrugEntry(String)
    /// The pump's concentration differs from the order, or is not a standard one.
    case concentration(String)
    case rateChangedMeanwhile(current: MilligramsPerKilogramPerHour)
    case noChange
    case invalidValue(String)
    case aboveHardLimit(MilligramsPerKilogramPerHour)
    case belowHardLimit(MilligramsPerKilogramPerHour)
    case totalAboveHardLimit(projected: MilligramsPerKilogram, limit: MilligramsPerKilogram)
    case reentryMismatch
    case reasonRequired

    /// What the screen says; a limit is always named with its value and unit.
    public var message: String {
        switch self {
        case .access(let refusal): refusal.message
        case .unknownChair: "No such chair"
        case .noSession: "No patient in this chair"
        case .notAllowedNow(let why): why
        case .commandPending: "A command to this pump is still pending confirmation"
        case .noDrugEntry(let name): "\(name) is not in the drug library"
        case .concentration(let why): why
        case .rateChangedMeanwhile(let current): "The pump's rate changed meanwhile (now \(current)): look again"
        case .noChange: "The new rate is the current rate"
        case .invalidValue(let why): why
        case .aboveHardLimit(let limit): "REFUSED: above the hard limit \(limit)"
        case .belowHardLimit(let limit): "REFUSED: below the hard limit \(limit)"
        case .totalAboveHardLimit(let projected, let limit):
            "REFUSED: total dose \(projected) would pass the hard limit \(limit)"
        case .reentryMismatch: "The value typed again does not match: nothing changed"
        case .reasonRequired: "A reason is required to pass a soft limit"
        }
    }
}
