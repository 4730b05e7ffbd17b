public import Foundation

/// One patient's session in a chair: identity, order, phase clocks, dose given, and the
/// clinical history its record and sign-off need.
///
/// Snapshots store this as JSON: every property added after the first release decodes
/// with a default when its key is missing (see `init(from:)`), so older snapshots load.
public struct SessionState: Hashable, Codable, Sendable {
    public var start: SessionStart
    public var phase: SessionPhase
    public var phaseChangedAt: Date
    /// First time the pump reported delivering.
    public var infusionStartedAt: Date?
    /// When the pump completed or was stopped for good.
    public var infusionEndedAt: Date?
    /// Infusion time accumulated before `deliveringSince` (the infusion clock stops while paused).
    public var accumulatedInfusionTime: TimeInterval = 0
    /// Set while the pump reports delivering.
    public var deliveringSince: Date?
    /// Drug delivered: the integral of the rate the pump reported over the time it ran.
    public var doseGiven: Milligrams = .zero
    /// Volume delivered by the same integral.
    public var volumeGiven: Milliliters = .zero
    /// Set when the station restarted during this session: the length of the gap in data.
    public var resumedAfterGap: TimeInterval?

    // MARK: - History (issue 6: the session record)

    /// Accepted rate changes, oldest first.
    public var rateChanges: [RateChangeOrder] = []
    /// Accepted pause, resume and stop orders, oldest first.
    public var infusionControls: [InfusionControlOrder] = []
    /// Accepted weight corrections, oldest first.
    public var weightChanges: [WeightChange] = []
    /// Alarms raised on the chair during this session, in the order raised.
    public var alarmEpisodes: [SessionAlarmEpisode] = []
    /// CADSS-6 scores entered (valid ones only), oldest first.
    public var dissociationScores: [DissociationScoring] = []
    /// Interventions and adverse events, oldest first.
    public var interventions: [InterventionRecord] = []
    /// Discharge checklist entries, oldest first (the latest of each kind counts).
    public var dischargeItems: [DischargeItemRecord] = []
    /// Phases in the order they began, with their start times (admission first).
    public var phaseHistory: [PhaseEntry] = []

    public init(start: SessionStart) {
        self.start = start
        phase = .admitted
        phaseChangedAt = start.admittedAt
        phaseHistory = [PhaseEntry(phase: .admitted, at: start.admittedAt)]
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(SessionStart.self, forKey: .start)
        phase = try container.decode(SessionPhase.self, forKey: .phase)
        phaseChangedAt = try container.decode(Date.self, forKey: .phaseChangedAt)
        infusionStartedAt = try container.decodeIfPresent(Date.self, forKey: .infusionStartedAt)
        infusionEndedAt = try container.decodeIfPresent(Date.self, forKey: .infusionEndedAt)
        accumulatedInfusionTime = try container.decodeIfPresent(TimeInterval.self, forKey: .accumulatedInfusionTime) ?? 0
        deliveringSince = try container.decodeIfPresent(Date.self, forKey: .deliveringSince)
        doseGiven = try container.decodeIfPresent(Milligrams.self, forKey: .doseGiven) ?? .zero
        volumeGiven = try container.decodeIfPresent(Milliliters.self, forKey: .volumeGiven) ?? .zero
        resumedAfterGap = try container.decodeIfPresent(TimeInterval.self, forKey: .resumedAfterGap)
        rateChanges = try container.decodeIfPresent([RateChangeOrder].self, forKey: .rateChanges) ?? []
        infusionControls = try container.decodeIfPresent([InfusionControlOrder].self, forKey: .infusionControls) ?? []
        weightChanges = try container.decodeIfPresent([WeightChange].self, forKey: .weightChanges) ?? []
        alarmEpisodes = try container.decodeIfPresent([SessionAlarmEpisode].self, forKey: .alarmEpisodes) ?? []
        dissociationScores = try container.decodeIfPresent([DissociationScoring].self, forKey: .dissociationScores) ?? []
        interventions = try container.decodeIfPresent([InterventionRecord].self, forKey: .interventions) ?? []
        dischargeItems = try container.decodeIfPresent([DischargeItemRecord].self, forKey: .dischargeItems) ?? []
        phaseHistory = try container.decodeIfPresent([PhaseEntry].self, forKey: .phaseHistory) ?? []
    }

    public var id: SessionID { start.session }
    public var weight: Kilograms { start.weight }
    public var order: InfusionOrder { start.order }

    /// Planned total dose in mg for this patient.
    public var plannedDose: Milligrams { start.order.plannedMass(weight: start.weight) }

    /// Infusion clock: running time of the pump (stops while paused).
    public func infusionElapsed(at now: Date) -> TimeInterval {
        accumulatedInfusionTime + (deliveringSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }

    /// Session clock since admission (never stops).
    public func sessionElapsed(at now: Date) -> TimeInterval { max(0, now.timeIntervalSince(start.admittedAt)) }

    /// Time in the current phase.
    public func phaseElapsed(at now: Date) -> TimeInterval { max(0, now.timeIntervalSince(phaseChangedAt)) }

    /// The latest checklist entry of `kind`, if any was recorded.
    public func latestDischargeItem(_ kind: DischargeItem.Kind) -> DischargeItemRecord? {
        dischargeItems.last { $0.item.kind == kind }
    }

    /// Observation time at `now`: since the infusion ended (nil while it has not).
    public func observationElapsed(at now: Date) -> TimeInterval? {
        infusionEndedAt.map { max(0, now.timeIntervalSince($0)) }
    }
}

/// A phase a session entered, and when.
public struct PhaseEntry: Hashable, Codable, Sendable {
    public var phase: SessionPhase
    public var at: Date
    public init(phase: SessionPhase, at: Date) {
        self.phase = phase
        self.at = at
    }
}
