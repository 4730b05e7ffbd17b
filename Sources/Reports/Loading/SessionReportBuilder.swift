import Foundation
import InfusionCore

/// Builds a ``SessionReport`` from a session's events, in sequence order. Pure: no I/O.
///
/// The session's figures and history (phases, dose given, infusion times, rate changes,
/// pump orders, weight corrections, alarm episodes, scores, interventions, checklist) come
/// from replaying the events through `ClinicReducer` on a state holding only the session's
/// chair: the same reducer the screen and the signed `SessionRecord` use, so the report
/// says what the station showed. The timeline, pump confirmations, signatures and
/// amendments are folded from the events themselves.
struct SessionReportBuilder {
    /// What the report needs from outside the session's own events.
    struct Context {
        var clinicName: String?
        var devices: [DeviceDescriptor] = []
        var alarmRules: AlarmRules?
        var signOffRules = SignOffRules()
    }

    let start: SessionStart
    let context: Context
    private let firstSequence: UInt64
    private var lastSequence: UInt64
    private var state = ClinicState()
    /// The session as last seen open in the replayed state.
    private(set) var session: SessionState
    private var timeline = TimelineBuilder()
    private var confirmations: [Date?] = []
    var closedAt: Date?
    var signature: SignatureBlock?
    var amendments: [AmendmentEntry] = []

    /// Starts from the session's `sessionStarted` event.
    init(start: SessionStart, at event: ClinicEvent, context: Context) {
        self.start = start
        self.context = context
        firstSequence = event.sequence
        lastSequence = event.sequence
        session = SessionState(start: start)
        let chair = ChairDescriptor(id: start.chair, label: start.chair.rawValue)
        ClinicReducer.reduce(&state, ClinicEvent(sequence: event.sequence, receivedAt: event.receivedAt, payload: .chairConfigured(chair)))
        for device in context.devices where device.chair == start.chair {
            ClinicReducer.reduce(&state, ClinicEvent(sequence: event.sequence, receivedAt: event.receivedAt, payload: .deviceRegistered(device)))
        }
        if let rules = context.alarmRules {
            ClinicReducer.reduce(&state, ClinicEvent(sequence: event.sequence, receivedAt: event.receivedAt, payload: .alarmRulesConfigured(rules)))
        }
        ClinicReducer.reduce(&state, event)
        if let current = state[chair: start.chair]?.session { session = current }
    }

    /// Applies the session's next event.
    mutating func apply(_ event: ClinicEvent) {
        guard event.sequence > firstSequence else { return }
        lastSequence = max(lastSequence, event.sequence)
        ClinicReducer.reduce(&state, event)
        if let current = state[chair: start.chair]?.session, current.id == start.session { session = current }
        switch event.payload {
        case .vitalsObserved(let observation) where observation.chair == start.chair:
            timeline.add(observation)
        case .pumpReported(let pump) where pump.chair == start.chair:
            timeline.add(pump, weight: session.weight)
            confirmRateChanges(with: pump, received: event.receivedAt)
        case .sessionEnded(let end) where end.session == start.session:
            closedAt = closedAt ?? end.at
        default:
            foldSignOff(event)
        }
    }

    /// Marks each rate change the pump now runs at as confirmed (first confirming report).
    private mutating func confirmRateChanges(with pump: PumpReport, received: Date) {
        while confirmations.count < session.rateChanges.count { confirmations.append(nil) }
        for (index, order) in session.rateChanges.enumerated() where confirmations[index] == nil {
            let command = PendingPumpCommand(
                target: .rate(order.newFlow, order.newRate), by: order.by.user, issuedAt: order.at, deadline: order.deadline)
            guard command.isConfirmed(by: pump, received: received) else { continue }
            confirmations[index] = pump.measuredAt
        }
    }

    /// The report, with the session's figures as of its last event.
    func build() -> SessionReport {
        let order = start.order
        let end = [closedAt, state.lastEventAt].compactMap(\.self).min() ?? start.admittedAt
        return SessionReport(
            clinicName: context.clinicName, session: start.session,
            status: signature != nil ? .signed : (closedAt == nil ? .open : .closed), chair: start.chair, patient: start.patient,
            order: OrderSummary(
                drugName: order.drugName, dose: ReportedQuantity(order.dose), durationSeconds: order.duration,
                concentration: ReportedQuantity(order.concentration), doseRate: ReportedQuantity(order.doseRate),
                plannedDose: ReportedQuantity(order.plannedMass(weight: start.weight)),
                plannedFlow: ReportedQuantity(order.flow(weight: start.weight))),
            weights: weights(), baseline: start.baseline.keys.sorted().map { kind in
                BaselineValue(kind: kind, value: start.baseline[kind] ?? 0, unit: kind.unitSymbol)
            },
            devices: context.devices.filter { $0.chair == start.chair }.sorted { $0.id < $1.id }.map {
                DeviceEntry(id: $0.id, label: $0.label, kind: $0.kind, isSimulated: $0.isSimulated)
            },
            phases: phases(), admittedAt: start.admittedAt, infusionStartedAt: session.infusionStartedAt,
            infusionEndedAt: session.infusionEndedAt, closedAt: closedAt, infusionSeconds: session.infusionElapsed(at: end),
            doseGiven: ReportedQuantity(session.doseGiven),
            doseGivenPerKilogram: ReportedQuantity(DoseMath.dose(session.doseGiven, weight: session.weight)),
            volumeGiven: ReportedQuantity(session.volumeGiven), timeline: timeline.build(), rateChanges: rateChanges(),
            controlOrders: session.infusionControls.map { ControlOrderEntry(at: $0.at, action: $0.action, by: $0.by.description) },
            alarms: session.alarmEpisodes.map(Self.alarm), dissociationScores: dissociationScores(),
            interventions: interventions(), checklist: checklist(), signature: signature, amendments: amendments,
            firstSequence: firstSequence, lastSequence: lastSequence)
    }

    private func weights() -> [WeightEntry] {
        let admission = session.weightChanges.first?.oldWeight ?? start.weight
        var entries = [WeightEntry(
            weight: ReportedQuantity(admission), measuredAt: start.weighedAt, recordedAt: start.admittedAt,
            by: start.admittedBy?.description)]
        for change in session.weightChanges {
            entries.append(WeightEntry(
                weight: ReportedQuantity(change.newWeight), measuredAt: change.measuredAt, recordedAt: change.at,
                by: change.by.description))
        }
        return entries
    }

    private func phases() -> [PhaseEntry] {
        var entries = session.phaseHistory.isEmpty ? [PhaseEntry(phase: .admitted, at: start.admittedAt)] : session.phaseHistory
        if let signature, entries.last?.phase != .signedOff { entries.append(PhaseEntry(phase: .signedOff, at: signature.at)) }
        return entries
    }

    private func rateChanges() -> [RateChangeEntry] {
        session.rateChanges.enumerated().map { index, order in
            RateChangeEntry(
                at: order.at, by: order.by.description, oldRate: ReportedQuantity(order.oldRate),
                newRate: ReportedQuantity(order.newRate), oldFlow: ReportedQuantity(order.oldFlow),
                newFlow: ReportedQuantity(order.newFlow), reason: order.reason, overrodeSoftLimit: order.overrodeSoftLimit,
                confirmedAt: index < confirmations.count ? confirmations[index] : nil)
        }
    }

    private static func alarm(_ episode: SessionAlarmEpisode) -> AlarmEntry {
        AlarmEntry(
            key: episode.key.description, category: episode.key.category, priority: episode.priority, text: episode.text,
            onsetAt: episode.onsetAt, raisedAt: episode.raisedAt, endedAt: episode.endedAt,
            acknowledgedAt: episode.acknowledgedAt, acknowledgedBy: episode.acknowledgedBy)
    }
}
