public import InfusionCore

/// Turns a `DeviceReport` into clinic events, using the clinic's `DeviceRegistry`.
///
/// All or nothing: any error throws and no event of the message is produced. A value
/// outside its plausible range rejects the whole message (AE 207) rather than being
/// dropped silently, because a gateway sending one impossible value may be sending
/// wrong ones that look plausible. Observations this station does not know are ignored;
/// a message with nothing usable is AE 103.
public struct PCDMapper: Sendable {
    public var registry: DeviceRegistry
    /// Plausible pump values; outside is AE 207.
    public var plausibleRate: ClosedRange<Double> = 0...1200
    public var plausibleVolume: ClosedRange<Double> = 0...10_000
    public var plausibleConcentration: ClosedRange<Double> = 0.001...100
    public var plausibleWeight: ClosedRange<Double> = 1...400

    public init(registry: DeviceRegistry) {
        self.registry = registry
    }

    /// Maps a report, or throws the `HL7Error` its ACK must carry (always AE).
    public func map(_ report: DeviceReport) throws(HL7Error) -> PCDMapping {
        let device = try identify(report)
        if report.kind == .alert {
            return PCDMapping(device: device, patientID: report.patientID, payloads: [], alert: report.alert)
        }
        switch device.kind {
        case .monitor:
            guard report.kind == .observations else {
                throw .content(.applicationError, at: nil, "\(device.label) is a monitor but sent \(report.kind.rawValue)")
            }
            return try mapVitals(report, device: device)
        case .pump:
            let pump = try mapPump(report, device: device)
            return PCDMapping(device: device, patientID: report.patientID, payloads: [.pumpReported(pump)], alert: nil)
        }
    }

    private func identify(_ report: DeviceReport) throws(HL7Error) -> DeviceRegistry.Entry {
        let mdsSequence = report.observations.first { $0.position?.isMDS == true }?.segmentSequence ?? 1
        let location = HL7ErrorLocation(segment: "OBX", sequence: mdsSequence, field: 18)
        guard let eui = report.equipmentID else {
            throw .content(.requiredFieldMissing, at: location, "no equipment id (OBX-18 of the MDS row)")
        }
        guard let device = registry.device(eui64: eui) else {
            throw .content(.unknownKey, at: location, "unknown device \(eui)")
        }
        return device
    }

    // MARK: - Pumps

    private func mapPump(_ report: DeviceReport, device: DeviceRegistry.Entry) throws(HL7Error) -> PumpReport {
        guard let pump = report.pump else {
            throw .content(.tableValueNotFound, at: nil, "no pump observation this station knows")
        }
        let status = try status(of: pump)
        guard let rate = pump.rate else { throw missing("MDC_FLOW_FLUID_PUMP (157784)") }
        guard let volume = pump.volumeDelivered else { throw missing("MDC_VOL_FLUID_DELIV_TOTAL (157993)") }
        guard let concentration = pump.concentration else { throw missing("MDC_CONC_DRUG (157760)") }
        guard let at = pump.reportedAt else {
            throw .content(.requiredFieldMissing, at: HL7ErrorLocation(segment: "OBR", sequence: 1, field: 7), "no observation time (OBX-14 or OBR-7)")
        }
        try check(rate.value, plausibleRate, MDC.pumpRate, "rate", report)
        try check(volume.value, plausibleVolume, MDC.volumeDelivered, "volume delivered", report)
        try check(concentration.value, plausibleConcentration, MDC.drugConcentration, "concentration", report)
        if let weight = pump.patientWeight { try check(weight.value, plausibleWeight, MDC.patientWeight, "weight", report) }
        return PumpReport(
            chair: device.chair, device: device.deviceID, status: status, rate: rate,
            volumeInfused: volume, concentration: concentration, measuredAt: at)
    }

    /// IHE IPEC → `PumpStatus`. A stop during a rate change (`transitioning`) is never a
    /// pause; a stop with `pump-stopped-alarming` is an alarm stop; other stops pause.
    public func status(of pump: PumpEventReport) throws(HL7Error) -> PumpStatus {
        let delivery = pump.deliveryStatus ?? ""
        let alarming = [pump.stopReason, pump.deliveryStatus, pump.infusingStatus].contains { $0.map { containsWord("alarm", in: $0) } == true }
        switch pump.event {
        case .deliveryStopped:
            if delivery.hasSuffix("transitioning") { return .transitioning }
            return alarming ? .alarmStopped : .paused
        case .deliveryCompleted:
            return pump.isKVO ? .kvo : .complete
        case .deliveryStarted:
            return pump.isKVO ? .kvo : .infusing
        case .other, nil:
            if pump.isKVO { return .kvo }
            if alarming { return .alarmStopped }
            if delivery.hasSuffix("transitioning") { return .transitioning }
            if delivery.hasSuffix("-delivering") { return .infusing }
            switch pump.infusingStatus {
            case "pump-status-infusing": return .infusing
            case "pump-status-paused", "pump-status-not-infusing", "pump-status-stopped": return .paused
            case "pump-status-idle", "pump-status-not-programmed", "pump-status-programming": return .idle
            default: throw .content(.tableValueNotFound, at: nil, "pump status not recognised")
            }
        }
    }

    private func missing(_ what: String) -> HL7Error {
        .content(.requiredFieldMissing, at: nil, "pump report lacks \(what)")
    }

    private func check(_ value: Double, _ range: ClosedRange<Double>, _ code: Int, _ what: String, _ report: DeviceReport) throws(HL7Error) {
        guard !range.contains(value) else { return }
        let sequence = report.observations.first { $0.code == code }?.segmentSequence ?? 1
        throw .content(.applicationError, at: HL7ErrorLocation(segment: "OBX", sequence: sequence, field: 5),
            "\(what) \(value) outside plausible range \(range.lowerBound)...\(range.upperBound)")
    }
}
