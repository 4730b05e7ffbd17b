import EventBus
import Foundation
import InfusionCore
import Testing
@testable import ClinicApp

/// The model runs the alarm evaluator on new events at once, and otherwise once per clock second.
@Suite struct ClinicModelAlarmCycleTests {
    static let chair = ChairID("CHAIR-01")
    static let monitor = DeviceID("MON01")

    static func setUp(at start: Date) -> (EventBus<ClinicEventPayload>, ClinicModel) {
        let bus = EventBus<ClinicEventPayload>(now: { start })
        let model = ClinicModel(bus: bus)
        bus.publish(contentsOf: [
            .chairConfigured(ChairDescriptor(id: chair, label: "CHAIR-01")),
            .deviceRegistered(DeviceDescriptor(
                id: monitor, label: "MON01", kind: .monitor, chair: chair, isSimulated: true, expectedInterval: 1, timeout: 10)),
            .sessionStarted(SessionStart(
                session: SessionID("S-1"), chair: chair,
                patient: PatientIdentity(mrn: "MRN0001", name: "Test Patient", dateOfBirth: "1980-01-01"),
                weight: Kilograms(70), weighedAt: start, order: .ketamineStandard(), baseline: [.heartRate: 72, .spo2: 98],
                admittedAt: start)),
            .vitalsObserved(VitalsObservation(
                chair: chair, device: monitor, samples: [VitalSample(kind: .heartRate, value: 72, measuredAt: start)])),
        ])
        return (bus, model)
    }

    /// The first instant (to 1/100 s) at which the evaluator would raise NO DATA, and the
    /// clock second it falls in (required to fall inside it, not on its start).
    static func noDataOnset(
        _ model: ClinicModel, after start: Date, freshness: FreshnessPolicy
    ) throws -> (onset: Date, second: Double) {
        let probe = model.state
        let onset = try #require((1...6_000).lazy.map { start.addingTimeInterval(Double($0) / 100) }.first {
            !AlarmEvaluator.transitions(in: probe, at: $0, freshness: freshness).isEmpty
        })
        let second = onset.timeIntervalSince1970.rounded(.down)
        try #require(onset.timeIntervalSince1970 - second > 0.02, "the onset falls inside a second")
        return (onset, second)
    }

    /// A model whose monitor fell silent at `start`, updated at the start of the clock second
    /// in which NO DATA falls due (evaluated then, too early for it).
    static func atSecondOfNoData(
        start: Date
    ) throws -> (bus: EventBus<ClinicEventPayload>, model: ClinicModel, onset: Date, second: Double) {
        let freshness = FreshnessPolicy()
        let (bus, model) = setUp(at: start)
        model.update(at: start, freshness: freshness)
        #expect(!hasAlarm(model))
        let (onset, second) = try noDataOnset(model, after: start, freshness: freshness)
        model.update(at: Date(timeIntervalSince1970: second), freshness: freshness)  // a new second: evaluated, too early
        #expect(!hasAlarm(model))
        return (bus, model, onset, second)
    }

    static func hasAlarm(_ model: ClinicModel) -> Bool {
        !(model.state.chairs.first { $0.id == chair }?.alarms.active.isEmpty ?? true)
    }

    @Test("a time-driven alarm (NO DATA) is decided at the next clock second, not on every turn")
    func timeDrivenOncePerSecond() throws {
        let freshness = FreshnessPolicy()
        let (_, model, onset, second) = try Self.atSecondOfNoData(start: Date(timeIntervalSince1970: 1_000_000.37))
        model.update(at: onset.addingTimeInterval(0.01), freshness: freshness)  // same second: not evaluated again
        #expect(!Self.hasAlarm(model))
        model.update(at: Date(timeIntervalSince1970: second + 1), freshness: freshness)
        #expect(Self.hasAlarm(model))
    }

    @Test("new events run the evaluator at once, within the same second")
    func eventsAtOnce() throws {
        let freshness = FreshnessPolicy()
        let (bus, model, onset, _) = try Self.atSecondOfNoData(start: Date(timeIntervalSince1970: 2_000_000.37))
        bus.publish(.chairConfigured(ChairDescriptor(id: ChairID("CHAIR-02"), label: "CHAIR-02")))
        model.update(at: onset.addingTimeInterval(0.01), freshness: freshness)
        #expect(Self.hasAlarm(model), "evaluated with the event, in the same second")
    }
}
