public import Foundation

/// A CADSS-6 score the schedule asks for and nobody has entered yet (the tile's
/// "score due" marker).
public struct DissociationScoreDue: Hashable, Sendable {
    /// The scheduled offset from the infusion start, in seconds (`2400` = 40 min).
    public var offset: TimeInterval
    /// When it is due.
    public var dueAt: Date
    /// Whether it is later than due plus the window.
    public var isOverdue: Bool
}

extension SessionState {
    /// The earliest scheduled CADSS-6 score that is due at `now` and not yet entered, or nil.
    ///
    /// Scheduled times count from the infusion start (nothing is due before it). A slot
    /// opens `dissociationScoreWindow` before its time; a score entered from then until the
    /// next slot opens fills it. Nothing is due once dissociation is recorded as resolved.
    public func dissociationScoreDue(rules: SignOffRules, at now: Date) -> DissociationScoreDue? {
        guard let anchor = infusionStartedAt, latestDischargeItem(.dissociationResolved) == nil else { return nil }
        let window = rules.dissociationScoreWindow
        let offsets = rules.dissociationScoreTimes.sorted()
        for (index, offset) in offsets.enumerated() {
            let dueAt = anchor.addingTimeInterval(offset)
            let opens = dueAt.addingTimeInterval(-window)
            guard now >= opens else { return nil }
            let closes = index + 1 < offsets.count ? anchor.addingTimeInterval(offsets[index + 1] - window) : Date.distantFuture
            let filled = dissociationScores.contains { $0.at >= opens && $0.at < closes }
            if !filled { return DissociationScoreDue(offset: offset, dueAt: dueAt, isOverdue: now > dueAt.addingTimeInterval(window)) }
        }
        return nil
    }
}
