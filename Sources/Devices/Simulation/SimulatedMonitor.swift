import Foundation
import InfusionCore

/// A bedside monitor under simulation: reads the virtual patient and reports the way a
/// real one does (whole numbers, temperature to 0.1 °C), periodic vitals every few seconds
/// and NIBP on its own cycle.
struct SimulatedMonitor: Sendable {
    let chair: ChairID
    let device: DeviceID
    /// Tick of the next NIBP measurement; nil while no patient is attached.
    private(set) var nextNIBP: Int?
    /// Whether "probe off" was already announced for the current probe-off window.
    var hasAnnouncedProbeOff = false

    init(chair: ChairID, device: DeviceID) {
        self.chair = chair
        self.device = device
    }

    /// A patient is attached; the admission NIBP was just taken at `tick`.
    mutating func attach(at tick: Int, interval: Int) {
        nextNIBP = tick + interval
        hasAnnouncedProbeOff = false
    }

    /// The patient left: no more measurements until the next one is attached.
    mutating func detach() { nextNIBP = nil }

    /// Whether an NIBP measurement is due at `tick`.
    func isNIBPDue(at tick: Int) -> Bool { nextNIBP.map { tick >= $0 } ?? false }

    /// Schedules the next NIBP `interval` seconds after `tick`.
    mutating func scheduleNIBP(after tick: Int, interval: Int) { nextNIBP = tick + interval }

    /// Brings the next NIBP forward so it is at most `interval` away (the infusion started).
    mutating func tightenNIBP(at tick: Int, interval: Int) {
        if let next = nextNIBP, next > tick + interval { nextNIBP = tick + interval }
    }

    /// HR, SpO2 (unless the probe is off), RR, EtCO2 and temperature.
    func periodicObservation(_ sample: PhysiologySample, at date: Date, probeOff: Bool) -> VitalsObservation {
        var samples = [VitalSample(kind: .heartRate, value: sample.heartRateBeatsPerMinute.rounded(), measuredAt: date)]
        if !probeOff {
            samples.append(VitalSample(kind: .spo2, value: sample.spo2Percent.rounded(), measuredAt: date))
        }
        samples += [
            VitalSample(kind: .respiratoryRate, value: sample.respiratoryRateBreathsPerMinute.rounded(), measuredAt: date),
            VitalSample(kind: .etco2, value: sample.etco2MillimetersOfMercury.rounded(), measuredAt: date),
            VitalSample(kind: .temperature, value: (sample.temperatureCelsius * 10).rounded() / 10, measuredAt: date),
        ]
        return VitalsObservation(chair: chair, device: device, samples: samples)
    }

    /// One NIBP measurement: systolic, diastolic and mean, all at the cuff's time.
    func bloodPressureObservation(_ sample: PhysiologySample, at date: Date) -> VitalsObservation {
        let systolic = sample.systolicMillimetersOfMercury.rounded()
        let diastolic = sample.diastolicMillimetersOfMercury.rounded()
        let mean = (diastolic + (systolic - diastolic) / 3).rounded()
        return VitalsObservation(
            chair: chair, device: device,
            samples: [
                VitalSample(kind: .systolic, value: systolic, measuredAt: date),
                VitalSample(kind: .diastolic, value: diastolic, measuredAt: date),
                VitalSample(kind: .meanPressure, value: mean, measuredAt: date),
            ])
    }

    /// SpO2 has no value: the probe is off the finger.
    func probeOffNotice(at date: Date) -> VitalsUnavailable {
        VitalsUnavailable(chair: chair, device: device, kinds: [.spo2], reason: "probe off", at: date)
    }

    /// Every parameter has no value: the patient left and the monitor is on standby. Clears
    /// the last patient's numbers from the board.
    func standbyNotice(at date: Date) -> VitalsUnavailable {
        VitalsUnavailable(chair: chair, device: device, kinds: VitalKind.allCases, reason: "no patient", at: date)
    }
}
