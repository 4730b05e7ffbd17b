import Foundation
import InfusionCore
import TestSupport
import Testing

/// An accepted order is pending until the pump reports the target; past the deadline a
/// technical alarm says so and the tile no longer shows the pending rate.
@Suite struct DoseControlPendingTests {
    let now = DoseFixtures.now
    let chair = DoseFixtures.chair1

    /// The demo clinic plus a rate order on CHAIR-01 (0.75 → 0.90 mg/kg/h = 72 mL/h) at `now`.
    func orderedScript() throws -> ClinicEventScript {
        var script = ClinicFixtures.demoScript()
        let intent = RateChangeIntent(chair: chair, oldRate: DoseFixtures.rate(0.75), newRate: DoseFixtures.rate(0.9))
        let check = RateChangeValidator.check(
            intent, state: script.state, library: .example, access: DoseFixtures.access(DoseFixtures.physician), at: now)
        let preview = try #require(check.preview)
        let order = preview.makeOrder(at: now, confirmationTimeout: 10)
        #expect(order.pumpTarget?.chair == chair)
        #expect(order.pumpTarget?.target == .rate(MillilitersPerHour(72), DoseFixtures.rate(0.9)))
        script.add(order, at: now)
        return script
    }

    func report(_ flow: Double, at time: Date, status: PumpStatus = .infusing) -> ClinicEventPayload {
        .pumpReported(PumpReport(
            chair: chair, device: DeviceID("PMP01"), status: status, rate: MillilitersPerHour(flow),
            volumeInfused: .zero, concentration: MilligramsPerMilliliter(1), measuredAt: time))
    }

    func alarms(_ state: ClinicState, at time: Date) -> [ClinicEventPayload] {
        AlarmEvaluator.transitions(in: state, at: time, freshness: FreshnessPolicy())
            .filter { if case .alarmRaised(let raised) = $0 { raised.key.kind == .commandUnconfirmed } else { false } }
    }

    @Test func orderIsPendingThenConfirmedByThePumpsReport() throws {
        var script = try orderedScript()
        let pending = try #require(script.state[chair: chair]?.pendingCommand)
        #expect(pending.deadline == now.addingTimeInterval(10))
        #expect(script.state[chair: chair]?.pendingCommand(shownAt: now.addingTimeInterval(5)) != nil)
        #expect(script.state[chair: chair]?.pump?.rate == MillilitersPerHour(60))  // the claim is still the report
        script.add(report(60, at: now.addingTimeInterval(2)), at: now.addingTimeInterval(2))  // old rate: not yet
        #expect(script.state[chair: chair]?.pendingCommand != nil)
        script.add(report(72, at: now.addingTimeInterval(4)), at: now.addingTimeInterval(4))
        let state = script.state
        #expect(state[chair: chair]?.pendingCommand == nil)
        #expect(state[chair: chair]?.pump?.rate == MillilitersPerHour(72))
        #expect(alarms(state, at: now.addingTimeInterval(30)).isEmpty)
    }

    @Test func unconfirmedOrderRaisesATechnicalAlarmAtTheDeadline() throws {
        var script = try orderedScript()
        let state = script.state
        #expect(alarms(state, at: now.addingTimeInterval(9.9)).isEmpty)
        let raised = alarms(state, at: now.addingTimeInterval(10))
        guard case .alarmRaised(let alarm) = try #require(raised.first) else { return }
        #expect(alarm.text == "RATE NOT CONFIRMED")
        #expect(alarm.key.category == .technical)
        #expect(alarm.priority == .medium)
        #expect(state[chair: chair]?.pendingCommand(shownAt: now.addingTimeInterval(10)) == nil)
        // The alarm is raised; a late confirming report ends it.
        script.add(.alarmRaised(alarm), at: now.addingTimeInterval(10))
        script.add(report(72, at: now.addingTimeInterval(15)), at: now.addingTimeInterval(15))
        let later = script.state
        #expect(later[chair: chair]?.pendingCommand == nil)
        let transitions = AlarmEvaluator.transitions(in: later, at: now.addingTimeInterval(16), freshness: FreshnessPolicy())
        #expect(transitions.contains { if case .alarmConditionEnded(let ended) = $0 { ended.key == alarm.key } else { false } })
    }

    @Test func newOrdersAreRefusedWhilePendingButAllowedOnceOverdue() throws {
        let state = try orderedScript().state
        let intent = RateChangeIntent(chair: chair, oldRate: DoseFixtures.rate(0.75), newRate: DoseFixtures.rate(0.8))
        let access = DoseFixtures.access(DoseFixtures.physician)
        #expect(RateChangeValidator.check(intent, state: state, library: .example, access: access, at: now.addingTimeInterval(5))
            .refusal == .commandPending)
        #expect(RateChangeValidator.check(intent, state: state, library: .example, access: access, at: now.addingTimeInterval(11))
            .refusal == nil)
    }

    @Test func pauseIsConfirmedByAPausedReport() throws {
        var script = ClinicFixtures.demoScript()
        let check = InfusionControlValidator.check(
            InfusionControlIntent(chair: chair, action: .pause), state: script.state, library: .example,
            access: DoseFixtures.access(DoseFixtures.nurse), at: now)
        let order = try #require(check.preview).makeOrder(at: now, confirmationTimeout: 10)
        #expect(order.pumpTarget?.target == .paused)
        script.add(order, at: now)
        #expect(script.state[chair: chair]?.pendingCommand?.alarmText == "PAUSE NOT CONFIRMED")
        script.add(report(0, at: now.addingTimeInterval(3), status: .paused), at: now.addingTimeInterval(3))
        #expect(script.state[chair: chair]?.pendingCommand == nil)
        #expect(script.state[chair: chair]?.session?.phase == .paused)
    }

    @Test func weightChangeUpdatesTheSessionAndPendsTheNewFlow() throws {
        var script = ClinicFixtures.demoScript()
        let intent = WeightChangeIntent(chair: chair, oldWeight: Kilograms(80), newWeight: Kilograms(84), measuredAt: now)
        let check = WeightChangeValidator.check(
            intent, state: script.state, library: .example, access: DoseFixtures.access(DoseFixtures.physician), at: now)
        script.add(try #require(check.preview).makeOrder(at: now, confirmationTimeout: 10), at: now)
        let state = script.state
        #expect(state[chair: chair]?.session?.weight == Kilograms(84))
        #expect(state[chair: chair]?.session?.start.weighedAt == now)
        guard case .rate(let flow, let rate) = try #require(state[chair: chair]?.pendingCommand).target else {
            Issue.record("expected a rate target")
            return
        }
        #expect(flow.formatted == "63.0" && rate.formatted == "0.75")
    }
}
