public import Foundation
public import InfusionCore

/// A demo clinic at a fixed instant, built only from events (see `ClinicEventScript`).
///
/// `now` is 2025-03-14 09:00:00 UTC. The eight chairs, all with simulated devices:
///
/// | chair | patient | state at `now` |
/// |---|---|---|
/// | CHAIR-01 | A.T. 0001, 80 kg | infusing 20:00/40:00 at 60.0 mL/h (0.75 mg/kg/h); NIBP 124/78(93) 4 min old; Cp/Ce estimated |
/// | CHAIR-02 | G.H. 0002, 65 kg | paused at 25:00/40:00 |
/// | CHAIR-03 | K.J. 0003, 72.5 kg | admitted, pump idle |
/// | CHAIR-04 | M.C. 0004, 70 kg | infusion complete, 35.0/35.0 mg |
/// | CHAIR-05 | R.F. 0005, 58 kg | observation for 45:00 |
/// | CHAIR-06 | L.M. 0006, 90 kg | infusing; monitor last heard 20 s ago (stale) |
/// | CHAIR-07 | free | monitor link lost, pump never heard (silent) |
/// | CHAIR-08 | E.N. 0008, 62 kg | infusing; SpO2 probe off, NIBP 45 min old (expired), no EtCO2 |
public enum ClinicFixtures {
    /// 2025-03-14 08:00:00 UTC.
    public static let start = Date(timeIntervalSince1970: 1_741_939_200)
    /// 2025-03-14 09:00:00 UTC: the instant every fixture is rendered at.
    public static let now = start.addingTimeInterval(3600)
    /// 06:00 UTC: chairs and devices are configured before any session.
    public static let configuredAt = start.addingTimeInterval(-2 * 3600)

    /// The demo clinic's state.
    public static func demoClinic() -> ClinicState { demoScript().state }

    /// The demo clinic plus `chairCount - 8` more chairs, each infusing mid-way.
    public static func clinic(chairCount: Int) -> ClinicState {
        var script = demoScript()
        for number in 9...max(9, chairCount) where number <= chairCount {
            let chair = configure(number, in: &script)
            admit(chair, number: number, name: "Pat Test", weight: 60 + Double(number % 7) * 5,
                  at: minutes(20 + number % 10), in: &script)
            vitals(chair, number: number, from: minutes(20 + number % 10), to: seconds(3590), heartRate: 64 + Double(number % 9),
                   in: &script)
            pump(chair, number: number, .infusing, flow: 45 + Double(number % 5) * 5, from: minutes(30 + number % 10),
                 lastAt: seconds(3595), in: &script)
            nibp(chair, number: number, at: minutes(52 + number % 6), 118 + Double(number % 12), 74, 89, in: &script)
        }
        return script.state
    }

    /// The demo clinic's events, to extend in other tests.
    public static func demoScript() -> ClinicEventScript {
        var script = ClinicEventScript()
        script.add(.clinicNamed("Riverside Infusion"), at: configuredAt)
        let chairs = (1...8).map { configure($0, in: &script) }

        // CHAIR-01: infusing mid-way, NIBP 4 minutes old, concentrations estimated.
        admit(chairs[0], number: 1, name: "Ada Turing", weight: 80, at: minutes(30), in: &script)
        vitals(chairs[0], number: 1, from: minutes(30), to: seconds(3597), heartRate: 72, in: &script)
        pump(chairs[0], number: 1, .infusing, flow: 60, from: minutes(40), lastAt: seconds(3595), in: &script)
        nibp(chairs[0], number: 1, at: minutes(36), 118, 76, 90, in: &script)
        nibp(chairs[0], number: 1, at: minutes(46), 121, 77, 92, in: &script)
        nibp(chairs[0], number: 1, at: minutes(56), 124, 78, 93, in: &script)
        script.add(.concentrationsEstimated(ConcentrationEstimate(
            chair: chairs[0], plasma: MicrogramsPerMilliliter(0.152), effectSite: MicrogramsPerMilliliter(0.120),
            at: seconds(3595))), at: seconds(3595))

        // CHAIR-02: paused after 25 minutes of infusion.
        admit(chairs[1], number: 2, name: "Grace Hopper", weight: 65, at: minutes(10), in: &script)
        vitals(chairs[1], number: 2, from: minutes(10), to: seconds(3598), heartRate: 80, in: &script)
        pump(chairs[1], number: 2, .infusing, flow: 48.75, from: minutes(20), lastAt: minutes(45), in: &script)
        pump(chairs[1], number: 2, .paused, flow: 48.75, from: minutes(45), lastAt: seconds(3592), startVolume: 20.3125,
             in: &script)
        nibp(chairs[1], number: 2, at: minutes(50), 136, 88, 104, in: &script)

        // CHAIR-03: admitted, baseline taken, pump programmed but idle.
        admit(chairs[2], number: 3, name: "Katherine Johnson", weight: 72.5, at: minutes(52), in: &script)
        vitals(chairs[2], number: 3, from: minutes(52), to: seconds(3596), heartRate: 68, in: &script)
        pump(chairs[2], number: 3, .idle, flow: 0, from: minutes(53), lastAt: seconds(3590), in: &script)
        nibp(chairs[2], number: 3, at: minutes(54), 132, 84, 100, in: &script)

        // CHAIR-04: 40 minutes at 52.5 mL/h, complete at 08:45.
        admit(chairs[3], number: 4, name: "Marie Curie", weight: 70, at: minutes(0), in: &script)
        vitals(chairs[3], number: 4, from: minutes(0), to: seconds(3599), heartRate: 76, in: &script)
        pump(chairs[3], number: 4, .infusing, flow: 52.5, from: minutes(5), lastAt: minutes(45), in: &script)
        pump(chairs[3], number: 4, .complete, flow: 0, from: minutes(45), lastAt: seconds(3590), startVolume: 35,
             in: &script)
        nibp(chairs[3], number: 4, at: minutes(55), 128, 80, 96, in: &script)

        // CHAIR-05: infused 07:30-08:10, observation since 08:15.
        admit(chairs[4], number: 5, name: "Rosalind Franklin", weight: 58, at: minutes(-40), in: &script)
        vitals(chairs[4], number: 5, from: minutes(-40), to: seconds(3597), heartRate: 70, in: &script)
        pump(chairs[4], number: 5, .infusing, flow: 43.5, from: minutes(-30), lastAt: minutes(10), in: &script)
        pump(chairs[4], number: 5, .complete, flow: 0, from: minutes(10), lastAt: seconds(3594), startVolume: 29,
             in: &script)
        script.add(.sessionPhaseChanged(SessionPhaseChange(
            chair: chairs[4], session: SessionID("S-05"), phase: .observation, at: minutes(15))), at: minutes(15))
        nibp(chairs[4], number: 5, at: minutes(50), 122, 79, 93, in: &script)

        // CHAIR-06: infusing; the monitor went quiet 20 seconds ago (stale, not yet expired).
        admit(chairs[5], number: 6, name: "Lise Meitner", weight: 90, at: minutes(35), in: &script)
        vitals(chairs[5], number: 6, from: minutes(35), to: seconds(3580), heartRate: 88, in: &script)
        pump(chairs[5], number: 6, .infusing, flow: 67.5, from: minutes(45), lastAt: seconds(3596), in: &script)
        nibp(chairs[5], number: 6, at: minutes(46), 138, 86, 103, in: &script)

        // CHAIR-07: free; its monitor's link is lost and its pump was never heard from.
        script.add(.deviceLinkChanged(DeviceLinkChange(
            chair: chairs[6], device: DeviceID("MON07"), state: .lost, at: minutes(30))), at: minutes(30))

        // CHAIR-08: infusing; SpO2 probe off, last NIBP 45 minutes ago, no capnography.
        admit(chairs[7], number: 8, name: "Emmy Noether", weight: 62, at: minutes(10), in: &script)
        vitals(chairs[7], number: 8, from: minutes(10), to: seconds(3598), heartRate: 66, includeEtCO2: false,
               in: &script)
        pump(chairs[7], number: 8, .infusing, flow: 46.5, from: minutes(30), lastAt: seconds(3593), in: &script)
        nibp(chairs[7], number: 8, at: minutes(15), 119, 75, 90, in: &script)
        script.add(.vitalsUnavailable(VitalsUnavailable(
            chair: chairs[7], device: DeviceID("MON08"), kinds: [.spo2], reason: "probe off", at: seconds(3598))),
            at: seconds(3598))
        return script
    }

    // MARK: - Building blocks

    /// `start` plus `count` minutes.
    public static func minutes(_ count: Int) -> Date { start.addingTimeInterval(Double(count) * 60) }
    /// `start` plus `count` seconds.
    public static func seconds(_ count: Int) -> Date { start.addingTimeInterval(Double(count)) }

    static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// Configures `CHAIR-nn` with simulated `MONnn` (every 5 s, timeout 30 s) and `PMPnn` (10 s, 30 s).
    @discardableResult
    public static func configure(_ number: Int, in script: inout ClinicEventScript) -> ChairID {
        let chair = ChairID("CHAIR-\(two(number))")
        script.add(.chairConfigured(ChairDescriptor(id: chair, label: chair.rawValue)), at: configuredAt)
        script.add(.deviceRegistered(DeviceDescriptor(
            id: DeviceID("MON\(two(number))"), label: "MON\(two(number))", kind: .monitor, chair: chair,
            isSimulated: true, expectedInterval: 5, timeout: 30)), at: configuredAt)
        script.add(.deviceRegistered(DeviceDescriptor(
            id: DeviceID("PMP\(two(number))"), label: "PMP\(two(number))", kind: .pump, chair: chair,
            isSimulated: true, expectedInterval: 10, timeout: 30)), at: configuredAt)
        return chair
    }

    /// Admits a patient with the standard ketamine order (0.5 mg/kg over 40 min at 1 mg/mL).
    public static func admit(
        _ chair: ChairID, number: Int, name: String, weight: Double, at: Date, in script: inout ClinicEventScript
    ) {
        script.add(.sessionStarted(SessionStart(
            session: SessionID("S-\(two(number))"), chair: chair,
            patient: PatientIdentity(mrn: "MRN00\(two(number))", name: name, dateOfBirth: "1970-01-01"),
            weight: Kilograms(weight), weighedAt: at.addingTimeInterval(-300), order: .ketamineStandard(),
            baseline: [.heartRate: 70, .systolic: 120, .diastolic: 78], admittedAt: at)), at: at)
    }

    /// Continuous vitals once a minute from `from`, and a last message at `to`.
    public static func vitals(
        _ chair: ChairID, number: Int, from: Date, to: Date, heartRate: Double, includeEtCO2: Bool = true,
        in script: inout ClinicEventScript
    ) {
        let device = DeviceID("MON\(two(number))")
        var time = from
        var step = 0
        while time <= to {
            let wobble = Double((step * 7 + number * 3) % 11) - 5
            var samples = [
                VitalSample(kind: .heartRate, value: heartRate + wobble + Double(step) * 0.2, measuredAt: time),
                VitalSample(kind: .spo2, value: 97 + Double((step + number) % 3), measuredAt: time),
                VitalSample(kind: .respiratoryRate, value: 14 + Double((step + number) % 4), measuredAt: time),
            ]
            if includeEtCO2 {
                samples.append(VitalSample(kind: .etco2, value: 36 + Double((step * 3 + number) % 5), measuredAt: time))
            }
            script.add(.vitalsObserved(VitalsObservation(chair: chair, device: device, samples: samples)), at: time)
            step += 1
            let next = time.addingTimeInterval(60)
            time = next > to && time < to ? to : next
        }
    }

    /// An NIBP reading measured and received at `at`.
    public static func nibp(
        _ chair: ChairID, number: Int, at: Date, _ systolic: Double, _ diastolic: Double, _ mean: Double,
        in script: inout ClinicEventScript
    ) {
        script.add(.vitalsObserved(VitalsObservation(chair: chair, device: DeviceID("MON\(two(number))"), samples: [
            VitalSample(kind: .systolic, value: systolic, measuredAt: at),
            VitalSample(kind: .diastolic, value: diastolic, measuredAt: at),
            VitalSample(kind: .meanPressure, value: mean, measuredAt: at),
        ])), at: at)
    }

    /// Pump reports with `status` at `flow` mL/h (1 mg/mL): one at `from`, one at `lastAt`;
    /// the reported volume grows from `startVolume` mL while the pump flows.
    public static func pump(
        _ chair: ChairID, number: Int, _ status: PumpStatus, flow: Double, from: Date, lastAt: Date,
        startVolume: Double = 0, in script: inout ClinicEventScript
    ) {
        for time in [from, lastAt] {
            let volume = startVolume + (status.isFlowing ? flow * time.timeIntervalSince(from) / 3600 : 0)
            script.add(.pumpReported(PumpReport(
                chair: chair, device: DeviceID("PMP\(two(number))"), status: status, rate: MillilitersPerHour(flow),
                volumeInfused: Milliliters(volume), concentration: MilligramsPerMilliliter(1), measuredAt: time)),
                at: time)
        }
    }
}

// MARK: - Event script

/// Builds a journal of `ClinicEvent`s for tests: payloads stamped with their receipt
/// time, then ordered by time and numbered like the bus would.
///
/// Fixtures build state only by replaying these events through `ClinicReducer`: that
/// is the project's rule (nothing else changes the model), and it keeps fixtures honest.
public struct ClinicEventScript: Sendable {
    private var entries: [(at: Date, order: Int, payload: ClinicEventPayload)] = []

    public init() {}

    /// Adds `payload`, received at `at`.
    public mutating func add(_ payload: ClinicEventPayload, at: Date) {
        entries.append((at, entries.count, payload))
    }

    /// The events in receipt order (ties keep insertion order), numbered from 1.
    public var events: [ClinicEvent] {
        entries.sorted { ($0.at, $0.order) < ($1.at, $1.order) }.enumerated().map { index, entry in
            ClinicEvent(sequence: UInt64(index + 1), receivedAt: entry.at, payload: entry.payload)
        }
    }

    /// The state the events build.
    public var state: ClinicState { ClinicReducer.replay(events) }
}

// MARK: - Alarms

extension ClinicFixtures {
    /// The demo clinic with alarms in every state, raised through alarm events as the
    /// model loop would publish them (default `AlarmRules`):
    ///
    /// | chair | alarms at `now` |
    /// |---|---|
    /// | CHAIR-01 | `!!! SpO2 82<85` (onset 08:59:30) and `!! HR 145>140`, neither acknowledged; an earlier `!! SpO2 88<90` in the history, acknowledged by `station:lee` |
    /// | CHAIR-02 | technical `!! MON02 NO DATA` |
    /// | CHAIR-03 | `! EtCO2 46>45` (low) |
    /// | CHAIR-04 | `!! SYS 150>140`, acknowledged by `station:lee` |
    /// | CHAIR-05 | `!!! SpO2 83<85` latched (condition ended at 08:59:50, not acknowledged) |
    /// | CHAIR-06 | SpO2 alarm off ("probe repositioning") |
    /// | CHAIR-08 | technical `!! SpO2 PROBE OFF` |
    public static func alarmClinic() -> ClinicState { alarmScript().state }

    /// The events of `alarmClinic()`, to extend.
    public static func alarmScript() -> ClinicEventScript {
        var script = demoScript()
        script.add(.alarmRulesConfigured(AlarmRules()), at: configuredAt)
        let chair = { (number: Int) in ChairID("CHAIR-0\(number)") }
        // CHAIR-01: an earlier medium dip, acknowledged, then ended; now a deep one.
        raise(chair(1), .vital(.spo2), .medium, "SpO2 88<90", onset: seconds(3000), at: seconds(3010), in: &script)
        acknowledge(chair(1), by: "station:lee", at: seconds(3020), in: &script)
        endCondition(chair(1), .vital(.spo2), at: seconds(3040), in: &script)
        script.add(.vitalsObserved(VitalsObservation(chair: chair(1), device: DeviceID("MON01"), samples: [
            VitalSample(kind: .spo2, value: 82, measuredAt: seconds(3599)),
            VitalSample(kind: .heartRate, value: 145, measuredAt: seconds(3599)),
        ])), at: seconds(3599))
        raise(chair(1), .vital(.spo2), .high, "SpO2 82<85", onset: seconds(3570), at: seconds(3580), in: &script)
        raise(chair(1), .vital(.heartRate), .medium, "HR 145>140", onset: seconds(3575), at: seconds(3585), in: &script)
        // CHAIR-02: the monitor fell silent.
        raise(chair(2), AlarmKey(.noData, "MON02"), .medium, "MON02 NO DATA", onset: seconds(3540), at: seconds(3540),
              in: &script)
        // CHAIR-03: a low-priority alarm.
        raise(chair(3), .vital(.etco2), .low, "EtCO2 46>45", onset: seconds(3560), at: seconds(3575), in: &script)
        // CHAIR-04: a high NIBP, acknowledged.
        nibp(chair(4), number: 4, at: seconds(3500), 150, 92, 111, in: &script)
        raise(chair(4), .vital(.systolic), .medium, "SYS 150>140", onset: seconds(3500), at: seconds(3500), in: &script)
        acknowledge(chair(4), by: "station:lee", at: seconds(3530), in: &script)
        // CHAIR-05: a high alarm whose condition ended; it stays latched until acknowledged.
        raise(chair(5), .vital(.spo2), .high, "SpO2 83<85", onset: seconds(3560), at: seconds(3570), in: &script)
        endCondition(chair(5), .vital(.spo2), at: seconds(3590), in: &script)
        // CHAIR-06: SpO2 alarm switched off with a reason.
        script.add(.alarmSwitched(AlarmSwitch(
            chair: chair(6), kind: .spo2, isOff: true, reason: "probe repositioning", by: "station:lee",
            at: seconds(3550))), at: seconds(3550))
        // CHAIR-08: the probe is off (technical).
        raise(chair(8), AlarmKey(.unavailable, "SpO2"), .medium, "SpO2 PROBE OFF", onset: seconds(3598),
              at: seconds(3598), in: &script)
        return script
    }

    /// The demo clinic with one alarm of `priority` on CHAIR-01 (`SpO2 82<85` physiological,
    /// or `MON01 NO DATA` when `technical`), not acknowledged.
    public static func clinic(alarm priority: AlarmPriority, technical: Bool = false) -> ClinicState {
        var script = demoScript()
        let chair = ChairID("CHAIR-01")
        if technical {
            raise(chair, AlarmKey(.noData, "MON01"), priority, "MON01 NO DATA", onset: seconds(3570), at: seconds(3570),
                  in: &script)
        } else {
            raise(chair, .vital(.spo2), priority, "SpO2 82<85", onset: seconds(3570), at: seconds(3580), in: &script)
        }
        return script.state
    }

    /// An `alarmRaised` event, published at `at`.
    public static func raise(
        _ chair: ChairID, _ key: AlarmKey, _ priority: AlarmPriority, _ text: String, onset: Date, at: Date,
        in script: inout ClinicEventScript
    ) {
        script.add(.alarmRaised(AlarmRaised(chair: chair, key: key, priority: priority, text: text, onsetAt: onset, at: at)),
                   at: at)
    }

    /// An `alarmConditionEnded` event at `at`.
    public static func endCondition(_ chair: ChairID, _ key: AlarmKey, at: Date, in script: inout ClinicEventScript) {
        script.add(.alarmConditionEnded(AlarmConditionEnded(chair: chair, key: key, at: at)), at: at)
    }

    /// An acknowledgement of `chair`'s alarms by `by` at `at`.
    public static func acknowledge(_ chair: ChairID, by: String, at: Date, in script: inout ClinicEventScript) {
        script.add(.alarmsAcknowledged(AlarmAcknowledgement(chair: chair, by: by, at: at)), at: at)
    }

    /// Audio paused by `by` at `at` for `duration` seconds, covering the alarms active then.
    public static func pauseAudio(
        by: String, at: Date, duration: TimeInterval = 120, covering priority: AlarmPriority? = .high,
        in script: inout ClinicEventScript
    ) {
        script.add(.alarmAudioPaused(AudioPause(by: by, at: at, until: at.addingTimeInterval(duration),
                                                priorityAtPause: priority)), at: at)
    }
}
