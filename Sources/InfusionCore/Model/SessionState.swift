public import Foundation

/// One patient's session in a chair: identity, order, phase clocks and dose given.
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

    public init(start: SessionStart) {
        self.start = start
        phase = .admitted
        phaseChangedAt = start.admittedAt
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
}
