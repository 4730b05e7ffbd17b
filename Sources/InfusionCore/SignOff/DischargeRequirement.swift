public import Foundation

/// One thing that stops a session being signed off; the sign-off screen lists them all.
public enum DischargeRequirement: Hashable, Sendable {
    /// The pump has not ended the infusion (not complete, stopped or KVO).
    case infusionNotEnded
    /// The observation minimum has not elapsed: `remaining` seconds to go.
    case observationIncomplete(remaining: TimeInterval)
    /// Vitals not within tolerance of baseline (or with no current reading): the ones that fail.
    case vitalsOutOfRange([VitalComparison])
    /// No modified Aldrete score was entered.
    case aldreteMissing
    /// The latest Aldrete total is below the minimum.
    case aldreteBelowMinimum(total: Int, minimum: Int)
    /// Dissociation has not been recorded as resolved.
    case dissociationNotResolved
    /// The IV has not been recorded as removed.
    case ivNotRemoved
    /// No responsible adult escort has been confirmed.
    case escortNotConfirmed

    /// What the sign-off screen says (`Observation minimum not reached: 12:30 left`).
    public var message: String {
        switch self {
        case .infusionNotEnded: "Infusion has not ended"
        case .observationIncomplete(let remaining):
            "Observation minimum not reached: \(DurationText.clock(remaining)) left"
        case .vitalsOutOfRange(let failing):
            "Vitals not within baseline tolerance: " + failing.map(\.label).joined(separator: ", ")
        case .aldreteMissing: "Aldrete score not entered"
        case .aldreteBelowMinimum(let total, let minimum): "Aldrete \(total) is below \(minimum)"
        case .dissociationNotResolved: "Dissociation not recorded as resolved"
        case .ivNotRemoved: "IV not recorded as removed"
        case .escortNotConfirmed: "Responsible adult escort not confirmed"
        }
    }
}

/// The discharge checklist of one session at one moment: what passed, what is missing.
public struct DischargeChecklist: Hashable, Sendable {
    public var session: SessionID
    /// When it was evaluated.
    public var evaluatedAt: Date
    /// Everything that stops sign-off, in checklist order; empty when sign-off is allowed.
    public var missing: [DischargeRequirement]
    /// Every compared vital (passing or not), for the screen and the report.
    public var vitals: [VitalComparison]
    /// Observation so far (nil before the infusion ended).
    public var observationElapsed: TimeInterval?
    /// The clinic's observation minimum, in seconds.
    public var observationMinimum: TimeInterval
    /// The latest Aldrete score entered.
    public var aldrete: AldreteScore?
    /// The latest escort name confirmed.
    public var escortName: String?

    /// Whether every item passed: the sign-off may proceed (with ID and PIN again).
    public var isComplete: Bool { missing.isEmpty }
}
