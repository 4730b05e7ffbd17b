import Foundation
import InfusionCore
import Testing
import TestSupport
@testable import ClinicApp

/// Station-admitted sessions move to observation when the pump completes, and to ready
/// for discharge when the checklist is complete, each change asked for once.
@Suite struct SessionPhaseKeeperTests {
    static func reduce(_ state: inout ClinicState, _ payload: ClinicEventPayload, at time: Date) {
        ClinicReducer.reduce(&state, ClinicEvent(sequence: state.lastSequence + 1, receivedAt: time, payload: payload))
    }

    /// CHAIR-01 admitted at the station, pump completed at `DoseFixtures.now`.
    static func completedAtStation(admittedBy: OperatorIdentity? = DoseFixtures.physician.identity) -> ClinicState {
        var script = ClinicEventScript()
        let chair = ClinicFixtures.configure(1, in: &script)
        let start = DoseFixtures.now.addingTimeInterval(-2400)
        script.add(.sessionStarted(SessionStart(
            session: SessionID("S-01"), chair: chair, patient: PatientIdentity(mrn: "M1", name: "Pat", dateOfBirth: "1970-01-01"),
            weight: Kilograms(70), weighedAt: start, order: .ketamineStandard(), baseline: [:], admittedAt: start,
            admittedBy: admittedBy)), at: start)
        script.add(.pumpReported(PumpReport(
            chair: chair, device: DeviceID("PMP01"), status: .infusing, rate: MillilitersPerHour(52.5),
            volumeInfused: Milliliters(0), concentration: MilligramsPerMilliliter(1), measuredAt: start)), at: start)
        script.add(.pumpReported(PumpReport(
            chair: chair, device: DeviceID("PMP01"), status: .complete, rate: MillilitersPerHour(0),
            volumeInfused: Milliliters(35), concentration: MilligramsPerMilliliter(1), measuredAt: DoseFixtures.now)),
            at: DoseFixtures.now)
        return script.state
    }

    @Test func completeThenObservationThenReadyWhenTheChecklistIsDone() {
        var state = Self.completedAtStation()
        var keeper = SessionPhaseKeeper()
        let rules = SignOffRules(observationMinimum: 600)
        let now = DoseFixtures.now
        let first = keeper.transitions(in: state, rules: rules, freshness: FreshnessPolicy(), at: now)
        #expect(first.count == 1)
        #expect(keeper.transitions(in: state, rules: rules, freshness: FreshnessPolicy(), at: now).isEmpty, "asked once")
        for payload in first { Self.reduce(&state, payload, at: now) }
        #expect(state[chair: DoseFixtures.chair1]?.session?.phase == .observation)
        let later = now.addingTimeInterval(601)
        #expect(keeper.transitions(in: state, rules: rules, freshness: FreshnessPolicy(), at: later).isEmpty, "checklist missing")
        let items: [DischargeItem] = [
            .aldrete(try! AldreteScore(activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2)),
            .dissociationResolved, .ivRemoved, .escortConfirmed(name: "Sam"),
        ]
        for item in items {
            Self.reduce(&state, .dischargeItemRecorded(DischargeItemRecord(
                chair: DoseFixtures.chair1, session: SessionID("S-01"), item: item, by: DoseFixtures.physician.identity,
                at: later)), at: later)
        }
        let ready = keeper.transitions(in: state, rules: rules, freshness: FreshnessPolicy(), at: later)
        guard case .sessionPhaseChanged(let change)? = ready.first else {
            Issue.record("expected ready for discharge")
            return
        }
        #expect(change.phase == .readyForDischarge)
    }

    @Test func simulatorSessionsAreLeftToTheSimulator() {
        let state = Self.completedAtStation(admittedBy: nil)
        var keeper = SessionPhaseKeeper()
        #expect(keeper.transitions(in: state, rules: SignOffRules(), freshness: FreshnessPolicy(), at: DoseFixtures.now).isEmpty)
    }
}
