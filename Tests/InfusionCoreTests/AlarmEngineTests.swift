import Foundation
import InfusionCore
import Testing

/// Runs the reducer and the alarm evaluator together with a manual clock, as the model loop does.
struct AlarmHarness {
    var script = EventScript()
    var now: TimeInterval = 0
    let freshness = FreshnessPolicy()

    init(rules: AlarmRules = AlarmRules()) {
        script.configure()
        script.add(.alarmRulesConfigured(rules), at: 0)
        script.admit()
    }

    var state: ClinicState { script.state }
    var chair: ChairState { state[chair: script.chair]! }
    var active: [ActiveAlarm] { chair.alarms.sorted }

    /// Advances the clock to `seconds`, feeding a vital every second on the way and
    /// letting the evaluator publish its transitions, like the UI loop.
    mutating func run(until seconds: TimeInterval, vitals: (TimeInterval) -> [(VitalKind, Double)] = { _ in [] }) {
        while now < seconds {
            now += 1
            let samples = vitals(now).map { VitalSample(kind: $0.0, value: $0.1, measuredAt: script.start + now) }
            if !samples.isEmpty {
                script.add(.vitalsObserved(VitalsObservation(chair: script.chair, device: script.monitor, samples: samples)), at: now)
            }
            script.pumpReport(.infusing, rate: 60, at: now)
            evaluate()
        }
    }

    mutating func evaluate() {
        for payload in AlarmEvaluator.transitions(in: state, at: script.start + now, freshness: freshness) {
            script.add(payload, at: now)
        }
    }
}

@Suite("Alarm engine")
struct AlarmEngineTests {
    @Test("A new session on the chair starts with an empty alarm history; the last one's alarms stay in its record")
    func historyIsThePatients() throws {
        var harness = AlarmHarness()
        harness.run(until: 50) { t in [(.spo2, t > 25 && t <= 40 ? 88 : 97)] }
        #expect(harness.chair.alarms.history.count == 1)
        #expect(harness.chair.session?.alarmEpisodes.count == 1)
        let first = harness.script.session
        harness.script.add(.sessionEnded(SessionEnd(chair: harness.script.chair, session: first, at: harness.script.start + 60)), at: 60)
        #expect(harness.chair.alarms.history.count == 1)  // still shown while the chair is empty
        harness.script.admit(at: 70)
        #expect(harness.chair.alarms.history.isEmpty)
        harness.run(until: 120) { t in [(.spo2, t > 80 && t <= 95 ? 88 : 97)] }
        #expect(harness.chair.alarms.history.count == 1)
    }

    @Test("Condition delay: a 5 s SpO2 dip does not alarm, a 15 s one does")
    func conditionDelay() throws {
        var harness = AlarmHarness()
        harness.run(until: 20) { t in [(.spo2, t > 10 && t <= 15 ? 88 : 97)] }
        #expect(harness.active.isEmpty)
        harness.run(until: 50) { t in [(.spo2, t > 25 && t <= 40 ? 88 : 97)] }
        let record = try #require(harness.chair.alarms.history.last)
        #expect(record.alarm.text == "SpO2 88<90")
        #expect(record.alarm.priority == .medium)
        #expect(record.alarm.raisedAt == harness.script.start + 36)  // onset 26 + 10 s delay
        #expect(record.alarm.onsetAt == harness.script.start + 26)
    }

    @Test("Text names parameter, value and broken limit; critical limits raise high")
    func textAndPriority() throws {
        var harness = AlarmHarness()
        harness.run(until: 15) { _ in [(.spo2, 82)] }
        let alarm = try #require(harness.active.first)
        #expect(alarm.text == "SpO2 82<85")
        #expect(alarm.priority == .high)
        #expect(alarm.category == .physiological)
        harness.script.vital(.systolic, 184, measuredAt: 16)
        harness.now = 16
        harness.evaluate()
        #expect(harness.active.map(\.text).contains("SYS 184>180"))
    }

    @Test("Two simultaneous warnings escalate the chair to high")
    func escalation() {
        var harness = AlarmHarness()
        harness.run(until: 20) { _ in [(.spo2, 88), (.heartRate, 145)] }
        #expect(harness.active.count == 2)
        #expect(harness.active.allSatisfy { $0.priority == .medium })
        #expect(harness.chair.alarms.effectivePriority(escalationCount: 2) == .high)
        #expect(harness.chair.alarms.isEscalated(escalationCount: 2))
        #expect(harness.chair.alarms.effectivePriority(escalationCount: 0) == .medium)
    }

    @Test("High alarms latch until acknowledged; acknowledging records who and when")
    func latching() throws {
        var harness = AlarmHarness()
        harness.run(until: 15) { _ in [(.spo2, 80)] }
        harness.run(until: 25) { _ in [(.spo2, 97)] }
        let latched = try #require(harness.active.first)
        #expect(latched.isLatched)
        #expect(latched.stateLabel == "LATCHED")
        harness.script.add(.alarmsAcknowledged(AlarmAcknowledgement(
            chair: harness.script.chair, by: "dr.lee", at: harness.script.start + 26)), at: 26)
        #expect(harness.active.isEmpty)
        let record = try #require(harness.chair.alarms.history.last)
        #expect(record.alarm.acknowledgedBy == "dr.lee")
        #expect(record.alarm.acknowledgedAt == harness.script.start + 26)
        #expect(record.endedAt == latched.conditionEndedAt)
    }

    @Test("Without latching a high alarm ends with its condition; medium alarms never latch")
    func noLatching() {
        var harness = AlarmHarness(rules: AlarmRules(latchHigh: false))
        harness.run(until: 15) { _ in [(.spo2, 80)] }
        harness.run(until: 25) { _ in [(.spo2, 97)] }
        #expect(harness.active.isEmpty)
        var medium = AlarmHarness()
        medium.run(until: 15) { _ in [(.spo2, 88)] }
        medium.run(until: 25) { _ in [(.spo2, 97)] }
        #expect(medium.active.isEmpty)
    }

    @Test("An acknowledged alarm stays visible while its condition lasts; a worse condition alerts again")
    func acknowledgedStillActive() throws {
        var harness = AlarmHarness()
        harness.run(until: 15) { _ in [(.spo2, 88)] }
        harness.script.add(.alarmsAcknowledged(AlarmAcknowledgement(
            chair: harness.script.chair, by: "nurse.kim", at: harness.script.start + 15)), at: 15)
        #expect(harness.active.first?.isAcknowledged == true)
        harness.run(until: 30) { _ in [(.spo2, 82)] }
        let worse = try #require(harness.active.first)
        #expect(worse.priority == .high)
        #expect(!worse.isAcknowledged)
    }

    @Test("Audio pause expires, and a higher-priority alarm breaks through")
    func audioPause() {
        var harness = AlarmHarness()
        harness.run(until: 15) { _ in [(.spo2, 88)] }
        let start = harness.script.start
        harness.script.add(.alarmAudioPaused(AudioPause(
            by: "dr.lee", at: start + 15, until: start + 135, priorityAtPause: .medium)), at: 15)
        #expect(harness.state.isAudioPaused(at: start + 20))
        #expect(harness.state.audioPauseRemaining(at: start + 20) == 115)
        #expect(!harness.state.isAudioPaused(at: start + 136))
        harness.run(until: 30) { _ in [(.spo2, 88), (.systolic, 190)] }
        #expect(!harness.state.isAudioPaused(at: start + 30), "a new high alarm breaks through")
    }

    @Test("Alarm off for one parameter needs a reason, silences only that parameter, and shows")
    func alarmOff() {
        var harness = AlarmHarness()
        harness.run(until: 15) { _ in [(.spo2, 88), (.heartRate, 145)] }
        #expect(harness.active.count == 2)
        harness.script.add(.alarmSwitched(AlarmSwitch(
            chair: harness.script.chair, kind: .spo2, isOff: true, reason: "finger probe on cold hand", by: "dr.lee",
            at: harness.script.start + 16)), at: 16)
        harness.run(until: 30) { _ in [(.spo2, 88), (.heartRate, 145)] }
        #expect(harness.active.map(\.key) == [.vital(.heartRate)])
        #expect(harness.chair.alarms.disabled[.spo2]?.reason == "finger probe on cold hand")
        harness.script.add(.alarmSwitched(AlarmSwitch(
            chair: harness.script.chair, kind: .spo2, isOff: false, reason: "", by: "dr.lee",
            at: harness.script.start + 31)), at: 31)
        harness.run(until: 45) { _ in [(.spo2, 88), (.heartRate, 145)] }
        #expect(Set(harness.active.map(\.key)) == [.vital(.heartRate), .vital(.spo2)])
    }

    @Test("Stale, then no data, then recovery for a silent monitor")
    func noDataAndRecovery() throws {
        var harness = AlarmHarness()
        harness.run(until: 5) { _ in [(.heartRate, 72)] }
        harness.run(until: 40)  // monitor silent; the pump keeps reporting
        let reading = try #require(harness.chair.vitals[.heartRate])
        let device = harness.state.devices[harness.script.monitor]
        #expect(harness.freshness.freshness(of: reading, kind: .heartRate, device: device, at: harness.script.start + 20)
            == .stale(age: 15))
        #expect(harness.freshness.freshness(of: reading, kind: .heartRate, device: device, at: harness.script.start + 40).isExpired)
        let alarm = try #require(harness.active.first)
        #expect(alarm.text == "MON01 NO DATA")
        #expect(alarm.category == .technical)
        harness.run(until: 42) { _ in [(.heartRate, 72)] }
        #expect(harness.active.isEmpty)
        #expect(harness.chair.alarms.history.last?.alarm.text == "MON01 NO DATA")
    }

    @Test("Probe off and a pump's own alarm are technical alarms")
    func technical() {
        var harness = AlarmHarness()
        harness.script.add(.vitalsUnavailable(VitalsUnavailable(
            chair: harness.script.chair, device: harness.script.monitor, kinds: [.spo2], reason: "probe off",
            at: harness.script.start + 1)), at: 1)
        harness.script.add(.pumpReported(PumpReport(
            chair: harness.script.chair, device: harness.script.pump, status: .alarmStopped, rate: .zero,
            volumeInfused: .zero, concentration: MilligramsPerMilliliter(1), measuredAt: harness.script.start + 2,
            alarmReason: "occlusion")), at: 2)
        harness.now = 3
        harness.evaluate()
        #expect(Set(harness.active.map(\.text)) == ["SpO2 PROBE OFF", "PUMP OCCLUSION"])
        #expect(harness.active.first?.text == "PUMP OCCLUSION")  // high first
        #expect(harness.active.allSatisfy { $0.category == .technical })
    }

    @Test("A free chair does not alarm; relative limits use the patient's baseline")
    func freeChairAndBaseline() {
        var rules = AlarmRules()
        rules.limits[.systolic] = ParameterLimits(relativeToBaseline: 0.2)
        var harness = AlarmHarness(rules: rules)
        harness.script.vital(.systolic, 150, measuredAt: 1)  // baseline 124: +20 % is 148.8
        harness.now = 1
        harness.evaluate()
        #expect(harness.active.map(\.text).contains("SYS 150>149 (+20%)"))
        harness.script.add(.sessionEnded(SessionEnd(chair: harness.script.chair, session: harness.script.session,
                                                    at: harness.script.start + 2)), at: 2)
        harness.now = 100
        harness.evaluate()
        #expect(harness.active.isEmpty)
    }

    @Test("Replaying the journaled transitions rebuilds the same alarms and history")
    func replay() {
        var harness = AlarmHarness()
        harness.run(until: 60) { t in [(.spo2, t < 30 ? 80 : 97), (.heartRate, 150)] }
        let replayed = ClinicReducer.replay(harness.script.events)
        #expect(replayed == harness.state)
        #expect(!harness.chair.alarms.active.isEmpty)
    }
}
