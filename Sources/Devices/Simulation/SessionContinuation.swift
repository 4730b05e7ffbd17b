import Foundation
import InfusionCore

/// How the simulator picks up a recovered session at `now`: where the pump stands (program,
/// volume delivered, status) and the infusion to replay into a new virtual patient.
///
/// The journal keeps what the station saw, not the pump's full history, so two
/// approximations are made (also in `docs/virtual-patient.md`):
/// - **The pump went on while the station was down.** A pump last reported delivering has
///   kept delivering at that rate until `now`, and completed on the way if its volume was
///   reached (that completion is then reported with its own, earlier, time). A paused,
///   complete or stopped pump stayed as it was. An alarm-stopped pump is taken as paused.
/// - **The dose given was one constant infusion.** Everything delivered (the pump's volume
///   counter × concentration) is taken as infused at the current rate (if the pump is not
///   running: the last rate change's, else the ordered rate) in one block that ends when delivery ended — `now` for a
///   running pump — and starts no earlier than the first delivery (or admission); if that
///   does not fit, the block is compressed into the time available. Pauses and rate changes
///   inside the history are therefore smoothed out; concentrations after a steady infusion
///   come out as if it had never been interrupted.
struct SessionContinuation: Equatable, Sendable {
    /// The drug the patient is taken to have received: `milligrams` spread evenly from
    /// `start` to `end` (a bolus at `start` when they are equal).
    struct InfusionBlock: Equatable, Sendable {
        var start: Date
        var end: Date
        var milligrams: Double
    }

    var pumpStatus: PumpStatus
    /// Programmed flow: the reported rate while delivering, else the last accepted rate change's
    /// (the pump keeps it while paused), else the order's.
    var rate: MillilitersPerHour
    var concentration: MilligramsPerMilliliter
    var volumeToBeInfused: Milliliters
    var volumeInfused: Milliliters
    /// When the pump reached its volume while the station was down.
    var completedAt: Date?
    var infusion: InfusionBlock?

    init(_ recovered: RecoveredSession, at now: Date) {
        let session = recovered.session
        let report = recovered.pumpReport
        var order = session.order
        if let reported = report?.concentration, reported.value > 0 { order.concentration = reported }
        let program = ChairSimulation.pumpProgram(for: order, weight: session.weight)
        concentration = order.concentration
        volumeToBeInfused = program.volume
        volumeInfused = report?.volumeInfused ?? session.volumeGiven
        pumpStatus = Self.status(reported: report?.status, phase: session.phase)
        rate = session.rateChanges.last?.newFlow ?? program.rate
        if pumpStatus.isDelivering, let report, report.rate.value > 0 { rate = report.rate }
        if pumpStatus.isDelivering { continueDelivery(since: report?.measuredAt ?? now, until: now) }
        infusion = Self.block(
            delivered: volumeInfused, rate: rate, concentration: concentration,
            end: pumpStatus.isDelivering ? now : (completedAt ?? Self.deliveryEnd(of: session)),
            earliest: session.infusionStartedAt ?? session.start.admittedAt, now: now)
    }

    /// The pump's status to restore: the reported one, else what the phase implies.
    static func status(reported: PumpStatus?, phase: SessionPhase) -> PumpStatus {
        switch reported {
        case .infusing, .transitioning: return .infusing
        case .paused, .alarmStopped: return .paused
        case .complete, .kvo: return .complete
        case .stopped: return .stopped
        case .idle, nil:
            switch phase {
            case .admitted, .signedOff: return .idle
            case .infusing, .paused: return .paused
            case .infusionComplete, .observation, .readyForDischarge: return .complete
            }
        }
    }

    /// Delivery at `rate` from the last report to `now`, completing at the volume to be infused.
    private mutating func continueDelivery(since last: Date, until now: Date) {
        let gap = max(0, now.timeIntervalSince(last))
        let remaining = volumeToBeInfused.value - volumeInfused.value
        let toCompletion = remaining <= 0 ? 0 : remaining / rate.value * 3600
        if toCompletion <= gap {
            completedAt = last.addingTimeInterval(toCompletion)
            volumeInfused = volumeToBeInfused
            pumpStatus = .complete
        } else {
            volumeInfused += DoseMath.volume(rate, over: gap)
        }
    }

    /// When delivery stopped, for a pump that is not delivering now.
    private static func deliveryEnd(of session: SessionState) -> Date {
        session.phase == .paused ? session.phaseChangedAt : (session.infusionEndedAt ?? session.phaseChangedAt)
    }

    private static func block(
        delivered: Milliliters, rate: MillilitersPerHour, concentration: MilligramsPerMilliliter,
        end proposedEnd: Date, earliest proposedEarliest: Date, now: Date
    ) -> InfusionBlock? {
        guard rate.value > 0, delivered.value > 0 else { return nil }
        // The time the pump needs for the delivered volume at this rate (mL ÷ mL/h, in s).
        let duration = delivered.value / rate.value * 3600
        let milligrams = DoseMath.mass(DoseMath.massRate(rate, concentration: concentration), over: duration).value
        guard milligrams.isFinite, milligrams > 0 else { return nil }
        let earliest = min(proposedEarliest, now)
        let end = min(max(proposedEnd, earliest), now)
        let start = max(end.addingTimeInterval(-duration), earliest)
        return InfusionBlock(start: start, end: end, milligrams: milligrams)
    }
}
