import Foundation
import InfusionCore

/// A whole ketamine session, admission to signed discharge, with fixed times.
///
/// 70.5 kg, 0.5 mg/kg over 40 min at 1 mg/mL (0.75 mg/kg/h = 52.9 mL/h); a rate change to
/// 0.90 mg/kg/h with a reason, a pause and resume, a high SYS alarm acknowledged and a
/// medium SpO2 alarm, two CADSS scores, an antiemetic, the checklist, the sign-off. The
/// patient's name holds HTML and CSV metacharacters on purpose.
enum ReportFixtures {
    static let session = SessionID("S-1")
    static let chair = ChairID("CHAIR-01")
    static let monitor = DeviceID("MON1")
    static let pump = DeviceID("PUMP1")
    static let patientName = "O'Brien, <Ana> & \"Bo\""
    static let physician = OperatorIdentity(user: UserID("dr.lee"), printedName: "Dr. A. Lee", role: .physician)
    static let nurse = OperatorIdentity(user: UserID("rn.kim"), printedName: "R. Kim", role: .nurse)
    static let weight = Kilograms(70.5)
    static let order = InfusionOrder.ketamineStandard()

    static func setup(_ script: inout SessionScript, chairs: [ChairID] = [chair]) {
        script.add(0, .clinicNamed("Riverside Clinic"))
        for (index, chair) in chairs.enumerated() {
            script.add(0, .chairConfigured(ChairDescriptor(id: chair, label: chair.rawValue)))
            script.add(0, .deviceRegistered(DeviceDescriptor(
                id: DeviceID("MON\(index + 1)"), label: "MON\(index + 1)", kind: .monitor, chair: chair, isSimulated: true,
                expectedInterval: 1, timeout: 10)))
            script.add(0, .deviceRegistered(DeviceDescriptor(
                id: DeviceID("PUMP\(index + 1)"), label: "PUMP\(index + 1)", kind: .pump, chair: chair, isSimulated: true,
                expectedInterval: 5, timeout: 30)))
        }
    }

    static func admit(_ script: inout SessionScript, session: SessionID, chair: ChairID, name: String, mrn: String, at minutes: Double) {
        script.add(minutes, .sessionStarted(SessionStart(
            session: session, chair: chair, patient: PatientIdentity(mrn: mrn, name: name, dateOfBirth: "1980-02-29"),
            weight: weight, weighedAt: SessionScript.at(minutes - 1), order: order,
            baseline: [.heartRate: 72, .spo2: 98, .systolic: 128, .diastolic: 82], admittedAt: SessionScript.at(minutes),
            admittedBy: nurse)))
    }

    static func vitals(_ script: inout SessionScript, at minutes: Double, heartRate: Double, spo2: Double, pressure: (Double, Double)? = nil) {
        let time = SessionScript.at(minutes)
        var samples = [VitalSample(kind: .heartRate, value: heartRate, measuredAt: time), VitalSample(kind: .spo2, value: spo2, measuredAt: time)]
        if let pressure {
            samples += [
                VitalSample(kind: .systolic, value: pressure.0, measuredAt: time),
                VitalSample(kind: .diastolic, value: pressure.1, measuredAt: time),
            ]
        }
        script.add(minutes, .vitalsObserved(VitalsObservation(chair: chair, device: monitor, samples: samples)))
    }

    static func pumpReport(_ script: inout SessionScript, at minutes: Double, _ status: PumpStatus, flow: Double, volume: Double) {
        script.add(minutes, .pumpReported(PumpReport(
            chair: chair, device: pump, status: status, rate: MillilitersPerHour(flow), volumeInfused: Milliliters(volume),
            concentration: order.concentration, measuredAt: SessionScript.at(minutes))))
    }

    /// The whole signed session S-1 on CHAIR-01.
    static func signedSession() throws -> SessionScript {
        var script = SessionScript()
        setup(&script)
        admit(&script, session: session, chair: chair, name: patientName, mrn: "MRN0042", at: 1)
        vitals(&script, at: 2, heartRate: 74, spo2: 98, pressure: (126, 80))
        script.add(3, .dissociationScored(DissociationScoring(chair: chair, session: session, items: [0, 0, 0, 0, 0, 0], by: nurse, at: SessionScript.at(3))))
        pumpReport(&script, at: 5, .infusing, flow: 52.875, volume: 0)
        for minute in stride(from: 10.0, through: 60, by: 5) {
            let heartRate = 76 + minute / 5
            vitals(&script, at: minute, heartRate: heartRate, spo2: minute == 40 ? 89 : 97,
                   pressure: minute.truncatingRemainder(dividingBy: 10) == 0 ? (130 + minute, 84 + minute / 4) : nil)
        }
        let newFlow = DoseMath.flow(for: MilligramsPerKilogramPerHour(0.9), weight: weight, concentration: order.concentration)
        script.add(20, .rateChangeOrdered(RateChangeOrder(
            chair: chair, session: session, by: physician, at: SessionScript.at(20), oldRate: order.doseRate,
            newRate: MilligramsPerKilogramPerHour(0.9), oldFlow: order.flow(weight: weight), newFlow: newFlow,
            concentration: order.concentration, weight: weight, reason: "tolerating well, <no> side effects", overrodeSoftLimit: false,
            deadline: SessionScript.at(22))))
        pumpReport(&script, at: 20.5, .infusing, flow: newFlow.value, volume: 13.2)
        script.add(30, .infusionControlOrdered(InfusionControlOrder(
            chair: chair, session: session, action: .pause, by: nurse, at: SessionScript.at(30), deadline: SessionScript.at(32))))
        pumpReport(&script, at: 30.25, .paused, flow: newFlow.value, volume: 23.9)
        script.add(32, .infusionControlOrdered(InfusionControlOrder(
            chair: chair, session: session, action: .resume, by: physician, at: SessionScript.at(32), deadline: SessionScript.at(34))))
        pumpReport(&script, at: 32.25, .infusing, flow: newFlow.value, volume: 23.9)
        script.add(35, .alarmRaised(AlarmRaised(chair: chair, key: .vital(.systolic), priority: .high, text: "SYS 184>180", onsetAt: SessionScript.at(34.9), at: SessionScript.at(35))))
        script.add(36, .alarmsAcknowledged(AlarmAcknowledgement(chair: chair, by: "rn.kim", at: SessionScript.at(36))))
        script.add(38, .alarmConditionEnded(AlarmConditionEnded(chair: chair, key: .vital(.systolic), at: SessionScript.at(38))))
        script.add(40.2, .alarmRaised(AlarmRaised(chair: chair, key: .vital(.spo2), priority: .medium, text: "SpO2 89<90", onsetAt: SessionScript.at(40), at: SessionScript.at(40.2))))
        script.add(41, .alarmConditionEnded(AlarmConditionEnded(chair: chair, key: .vital(.spo2), at: SessionScript.at(41))))
        script.add(42, .interventionRecorded(InterventionRecord(
            chair: chair, session: session, kind: .antiemetic, text: "ondansetron 4 mg IV", isAdverseEvent: false, by: nurse, at: SessionScript.at(42))))
        pumpReport(&script, at: 44, .complete, flow: 0, volume: 35.3)
        script.add(45, .dissociationScored(DissociationScoring(chair: chair, session: session, items: [1, 2, 1, 0, 1, 0], by: nurse, at: SessionScript.at(45))))
        script.add(46, .sessionPhaseChanged(SessionPhaseChange(chair: chair, session: session, phase: .observation, at: SessionScript.at(46))))
        let aldrete = try AldreteScore(activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 1)
        for (minute, item) in [(100.0, DischargeItem.aldrete(aldrete)), (100.5, .dissociationResolved), (101, .ivRemoved), (101.5, .escortConfirmed(name: "J. Smith"))] {
            script.add(minute, .dischargeItemRecorded(DischargeItemRecord(chair: chair, session: session, item: item, by: nurse, at: SessionScript.at(minute))))
        }
        script.add(102, .sessionPhaseChanged(SessionPhaseChange(chair: chair, session: session, phase: .readyForDischarge, at: SessionScript.at(102))))
        try script.sign(103, session: session, by: physician)
        return script
    }
}
