import Foundation

/// Reads an `HL7Message` as an IHE PCD report (PCD-01, PCD-10 or PCD-04).
///
/// It checks what makes a message unprocessable (AR: type, version), what makes its
/// content wrong (AE: required fields, data types, units, times) and interprets every
/// OBX; it knows nothing of the clinic's devices or chairs (that is `PCDMapper`).
public struct PCDReportReader: Sendable {
    /// MSH-12 values accepted; anything else is AR 203.
    public var supportedVersions: Set<String>
    /// Seconds east of UTC assumed for a timestamp written without an offset.
    public var defaultUTCOffset: Int

    public init(supportedVersions: Set<String> = ["2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8"], defaultUTCOffset: Int = 0) {
        self.supportedVersions = supportedVersions
        self.defaultUTCOffset = defaultUTCOffset
    }

    /// Interprets a parsed message. Throws the `HL7Error` its ACK must carry.
    public func read(_ message: HL7Message) throws(HL7Error) -> DeviceReport {
        let kind = try messageKind(message)
        let versionField = message.headerField(12).component(1)
        let version = versionField.text
        guard !versionField.isEmpty else {
            throw .rejected(.unsupportedVersion, at: message.header.location(12), "MSH-12 (version) is empty")
        }
        guard supportedVersions.contains(version) else {
            throw .rejected(.unsupportedVersion, at: message.header.location(12), "HL7 version \(version) is not supported")
        }
        let controlField = message.headerField(10)
        guard !controlField.isEmpty else {
            throw .content(.requiredFieldMissing, at: message.header.location(10), "MSH-10 (message control id) is empty")
        }
        try checkRequiredFields(message)

        var observationTime: Date?
        if let obr = message.firstSegment(named: "OBR") {
            observationTime = try time(message.field(7, of: obr), at: obr.location(7))
        }
        var observations = try readObservations(message, fallbackTime: observationTime)
        inheritTimes(&observations, fallback: observationTime)

        var report = DeviceReport(
            kind: kind, sendingApplication: message.headerField(3).text, controlID: controlField.text,
            version: version, patientID: patientID(message), equipmentID: nil, equipmentName: nil,
            observationTime: observationTime, observations: observations, pump: nil, alert: nil)
        (report.equipmentID, report.equipmentName) = equipment(message)
        switch kind {
        case .pumpEvent:
            report.pump = try readPump(observations, message: message, fallbackTime: observationTime)
        case .observations:
            if observations.contains(where: { $0.code == MDC.pumpRate || $0.code == MDC.infusingStatus }) {
                report.pump = try readPump(observations, message: message, fallbackTime: observationTime)
            }
        case .alert:
            report.alert = try readAlert(observations, message: message)
        }
        return report
    }

    // MARK: - Header

    private func messageKind(_ message: HL7Message) throws(HL7Error) -> DeviceReport.Kind {
        let type = message.headerField(9)
        guard !type.isEmpty else {
            throw .rejected(.requiredFieldMissing, at: message.header.location(9), "MSH-9 (message type) is empty")
        }
        let code = type.component(1), event = type.component(2)
        if code.matches("ORU") {
            if event.matches("R01") { return .observations }
            if event.matches("R42") { return .pumpEvent }
            if event.matches("R40") { return .alert }
        }
        throw .rejected(.unsupportedMessageType, at: message.header.location(9), "message type \(code.text)^\(event.text) is not supported")
    }

    /// Fields HL7 and IHE PCD require; a segment cut in the middle lacks them.
    private func checkRequiredFields(_ message: HL7Message) throws(HL7Error) {
        for segment in message.segments {
            let required: [Int]
            switch segment.name {
            case "PID": required = [3]
            case "OBR": required = [4]
            case "OBX": required = [3, 11]
            default: continue
            }
            for number in required where message.field(number, of: segment).isEmpty {
                let cut = segment == message.segments.last && !message.isLastSegmentTerminated
                throw .content(.requiredFieldMissing, at: segment.location(number),
                    cut ? "last segment is cut short: \(segment.name)-\(number) missing" : "\(segment.name)-\(number) is required")
            }
        }
    }

    private func patientID(_ message: HL7Message) -> String? {
        guard let pid = message.firstSegment(named: "PID") else { return nil }
        let repetitions = message.field(3, of: pid).repetitions
        let chosen = repetitions.first { $0.component(5).matches("MR") } ?? repetitions.first
        guard let id = chosen?.component(1), !id.isEmpty else { return nil }
        return id.text
    }

    /// The EUI-64 of OBX-18 of the MDS row, else of the first OBX that has an OBX-18.
    private func equipment(_ message: HL7Message) -> (String?, String?) {
        let rows = message.segments.filter { $0.name == "OBX" && !message.field(18, of: $0).isEmpty }
        let mds = rows.first { ObservationPosition(message.field(4, of: $0).raw)?.isMDS == true } ?? rows.first
        guard let mds else { return (nil, nil) }
        let field = message.field(18, of: mds)
        let entry = field.repetitions.first { $0.component(4).matches("EUI-64") } ?? field
        let id = entry.component(4).matches("EUI-64") ? entry.component(3) : entry.component(1)
        let name = entry.component(1)
        return (id.isEmpty ? nil : id.text.uppercased(), name.isEmpty ? nil : name.text)
    }

    // MARK: - Observations

    private func readObservations(_ message: HL7Message, fallbackTime: Date?) throws(HL7Error) -> [DeviceObservation] {
        var result: [DeviceObservation] = []
        result.reserveCapacity(message.segments.count)
        for segment in message.segments where segment.name == "OBX" {
            let identifier = message.field(3, of: segment)
            let referenceID = identifier.component(2).text
            var code = identifier.component(1).integer ?? 0
            if code == 0 { code = MDC.codesByName[referenceID] ?? 0 }
            let status = message.field(11, of: segment).text
            let flagsField = message.field(8, of: segment)
            let flags = flagsField.isEmpty ? [] : flagsField.repetitions.map(\.text)
            let timeField = message.field(14, of: segment)
            result.append(DeviceObservation(
                segmentSequence: segment.sequence, code: code, referenceID: referenceID,
                position: ObservationPosition(message.field(4, of: segment).raw),
                value: try value(message, segment),
                unit: try unit(message.field(6, of: segment), at: segment.location(6)),
                flags: flags, resultStatus: status,
                observedAt: timeField.isEmpty ? nil : try time(timeField, at: segment.location(14))))
        }
        return result
    }

    private func value(_ message: HL7Message, _ segment: HL7Segment) throws(HL7Error) -> ObservationValue {
        let field = message.field(5, of: segment)
        guard !field.isEmpty else { return .none }
        let type = message.field(2, of: segment)
        if type.matches("NM") {
            guard let number = field.decimal, number.isFinite else {
                throw .content(.dataType, at: segment.location(5), "OBX-5 '\(field.text)' is not a number (OBX-2 is NM)")
            }
            return .numeric(text: field.text, number: number)
        }
        if type.matches("CWE") || type.matches("CE") || type.matches("CNE") || type.matches("CF") {
            return .coded(code: field.component(1).text, text: field.component(2).text)
        }
        return .text(field.text)
    }

    /// OBX-6 as MDC (`265266^MDC_DIM_MILLI_L_PER_HR^MDC`), MDC + UCUM (`…^mL/h^mL/h^UCUM`)
    /// or UCUM alone (`mm[Hg]^mm[Hg]^UCUM`). MDC and UCUM that disagree are AE 102.
    private func unit(_ field: HL7Field, at location: HL7ErrorLocation) throws(HL7Error) -> MeasurementUnit? {
        guard !field.isEmpty else { return nil }
        var mdc: MeasurementUnit?
        var ucum: MeasurementUnit?
        if field.component(3).matches("UCUM") {
            ucum = MeasurementUnit.byUCUM[field.component(1).text] ?? .other(field.component(1).text)
        } else if let code = field.component(1).integer {
            mdc = MeasurementUnit.mdc(code) ?? .other(field.component(2).isEmpty ? String(code) : field.component(2).text)
        }
        if field.component(6).matches("UCUM") {
            ucum = MeasurementUnit.byUCUM[field.component(4).text] ?? .other(field.component(4).text)
        }
        if let mdc, let ucum, mdc.isKnown, ucum.isKnown, !mdc.isCompatible(with: ucum) {
            throw .content(.dataType, at: location, "OBX-6 MDC and UCUM units disagree")
        }
        return mdc ?? ucum ?? .other(field.component(1).text)
    }

    func time(_ field: HL7Field, at location: HL7ErrorLocation) throws(HL7Error) -> Date? {
        guard !field.isEmpty else { return nil }
        guard let date = HL7Timestamp.parse(field.component(1).raw, defaultOffset: defaultUTCOffset) else {
            throw .content(.dataType, at: location, "'\(field.text)' is not a timestamp YYYYMMDDHHMM[SS[.S]][+/-ZZZZ]")
        }
        return date
    }

    /// OBX-14 of the nearest containing channel, VMD or MDS row, else OBR-7.
    private func inheritTimes(_ observations: inout [DeviceObservation], fallback: Date?) {
        // Few rows carry a time: a linear search beats hashing.
        var times: [(position: ObservationPosition, time: Date)] = []
        for observation in observations {
            if let position = observation.position, let time = observation.observedAt { times.append((position, time)) }
        }
        for index in observations.indices where observations[index].observedAt == nil {
            var inherited: Date?
            if !times.isEmpty, let position = observations[index].position {
                inherited = position.containers.lazy.compactMap { container in times.first { $0.position == container }?.time }.first
            }
            observations[index].observedAt = inherited ?? fallback
        }
    }
}
