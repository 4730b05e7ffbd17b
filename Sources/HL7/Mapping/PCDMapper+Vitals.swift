import Foundation
import InfusionCore

extension PCDMapper {
    /// PCD-01 from a monitor → `.vitalsObserved` (+ `.vitalsUnavailable` per reason and time).
    ///
    /// Heart rate comes from the ECG (147842). Only when the message has no ECG heart-rate
    /// row at all does the oximeter's pulse (149530), else the generic pulse (149514),
    /// stand in. The NIBP pulse (149546) never does: it is episodic and would overwrite a
    /// continuous rate with an older cuff-time reading.
    func mapVitals(_ report: DeviceReport, device: DeviceRegistry.Entry) throws(HL7Error) -> PCDMapping {
        let hasECGRate = report.observations.contains { $0.code == MDC.heartRate }
        let pulseCode = [MDC.pulseRateOximeter, MDC.pulseRate].first { code in report.observations.contains { $0.code == code } }
        var samples: [VitalSample] = []
        var unavailable: [(kind: VitalKind, reason: String, at: Date)] = []
        var seen: Set<VitalKind> = []
        var notes: [String] = []
        for observation in report.observations {
            var kind = Self.vitalKind(observation.code)
            if kind == nil, !hasECGRate, observation.code == pulseCode {
                kind = .heartRate
                notes.append("\(observation.referenceID) used as heart rate (no ECG heart rate in the message)")
            }
            guard let kind, !seen.contains(kind) else { continue }
            seen.insert(kind)
            let location = HL7ErrorLocation(segment: "OBX", sequence: observation.segmentSequence, field: 5)
            guard let at = observation.observedAt else {
                throw .content(.requiredFieldMissing, at: HL7ErrorLocation(segment: "OBR", sequence: 1, field: 7), "no observation time for \(observation.referenceID) (OBX-14 or OBR-7)")
            }
            if let reason = observation.unavailabilityReason {
                unavailable.append((kind, reason, at))
                continue
            }
            let raw: Double
            switch observation.value {
            case .none:
                unavailable.append((kind, "no value", at))
                continue
            case .numeric(_, let number): raw = number
            case .coded, .text:
                throw .content(.dataType, at: location, "\(observation.referenceID) must be numeric (OBX-2 NM)")
            }
            guard let value = Self.convert(raw, from: observation.unit, to: kind) else {
                throw .content(.dataType, at: HL7ErrorLocation(segment: "OBX", sequence: observation.segmentSequence, field: 6),
                    "\(observation.referenceID) has a unit that is not \(kind.unitSymbol)")
            }
            guard kind.plausibleRange.contains(value) else {
                throw .content(.applicationError, at: location,
                    "\(kind.rawValue) \(VitalKind.describe(value)) outside plausible range \(VitalKind.describe(kind.plausibleRange.lowerBound))...\(VitalKind.describe(kind.plausibleRange.upperBound))")
            }
            samples.append(VitalSample(kind: kind, value: value, measuredAt: at))
        }
        var payloads: [ClinicEventPayload] = []
        if !samples.isEmpty {
            payloads.append(.vitalsObserved(VitalsObservation(chair: device.chair, device: device.deviceID, samples: samples)))
        }
        var groups: [(reason: String, at: Date, kinds: [VitalKind])] = []
        for entry in unavailable {
            if let index = groups.firstIndex(where: { $0.reason == entry.reason && $0.at == entry.at }) {
                groups[index].kinds.append(entry.kind)
            } else {
                groups.append((entry.reason, entry.at, [entry.kind]))
            }
        }
        for group in groups {
            payloads.append(.vitalsUnavailable(VitalsUnavailable(chair: device.chair, device: device.deviceID, kinds: group.kinds, reason: group.reason, at: group.at)))
        }
        guard !payloads.isEmpty else {
            throw .content(.tableValueNotFound, at: nil, "no observation this station knows")
        }
        return PCDMapping(device: device, patientID: report.patientID, payloads: payloads, alert: nil, notes: notes)
    }

    /// The vital an MDC code measures (synonyms and variants included).
    static func vitalKind(_ code: Int) -> VitalKind? {
        switch code {
        case MDC.heartRate: .heartRate
        case MDC.spo2: .spo2
        case MDC.nibpSystolic: .systolic
        case MDC.nibpDiastolic: .diastolic
        case MDC.nibpMean: .meanPressure
        case MDC.respiratoryRate: .respiratoryRate
        case _ where MDC.respiratoryRateVariants.contains(code): .respiratoryRate
        case MDC.etco2, MDC.etco2Older: .etco2
        case MDC.temperature, MDC.temperatureBody: .temperature
        default: nil
        }
    }

    /// The value in the kind's own unit, or nil when the unit does not fit the kind.
    /// An empty OBX-6 means the kind's own unit. kPa and °F are converted.
    static func convert(_ value: Double, from unit: MeasurementUnit?, to kind: VitalKind) -> Double? {
        guard let unit else { return value }
        switch kind {
        case .heartRate:
            return unit.isCompatible(with: .beatsPerMinute) ? value : nil
        case .respiratoryRate:
            return unit.isCompatible(with: .breathsPerMinute) ? value : nil
        case .spo2:
            return unit == .percent ? value : nil
        case .systolic, .diastolic, .meanPressure, .etco2:
            if unit == .mmHg { return value }
            return unit == .kilopascal ? value * 7.500_615_758 : nil
        case .temperature:
            if unit == .degreesCelsius { return value }
            return unit == .degreesFahrenheit ? (value - 32) * 5 / 9 : nil
        }
    }
}

extension VitalKind {
    /// A number for an error text, without a needless `.0`.
    static func describe(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
