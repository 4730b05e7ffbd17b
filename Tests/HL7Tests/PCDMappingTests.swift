import Foundation
import InfusionCore
import Testing
@testable import HL7

@Suite struct PCDMappingTests {
    @Test func periodicVitalsMapWithTheirValuesAndOBR7Time() throws {
        let mapping = try Fixtures.mapping(Fixtures.bytes(Fixtures.vitals))
        #expect(mapping.device.label == "MON01")
        #expect(mapping.patientID == "KC10001")
        let vitals = Fixtures.vitals(mapping)
        #expect(vitals.mapValues(\.value) == [.heartRate: 72, .spo2: 98, .respiratoryRate: 14, .etco2: 36, .temperature: 36.8])
        let obr7 = Fixtures.utc(2025, 3, 14, 8, 59, 58)
        #expect(vitals.values.allSatisfy { $0.measuredAt == obr7 })
        guard case .vitalsObserved(let observation) = mapping.payloads.first else { Issue.record("no vitals"); return }
        #expect(observation.chair == ChairID("CHAIR-01"))
        #expect(observation.device == DeviceID("MON01"))
        #expect(mapping.payloads.count == 1)
    }

    @Test func nibpTakesTheChannelTimeNotOBR7OrMSH7() throws {
        let mapping = try Fixtures.mapping(Fixtures.bytes(Fixtures.nibp))
        let vitals = Fixtures.vitals(mapping)
        #expect(vitals.mapValues(\.value) == [.systolic: 124, .diastolic: 78, .meanPressure: 93])
        #expect(vitals.values.allSatisfy { $0.measuredAt == Fixtures.utc(2025, 3, 14, 9, 4, 30) })
    }

    @Test func reportKeepsTextPrecisionPositionsAndEquipment() throws {
        let report = try Fixtures.report(Fixtures.bytes(Fixtures.vitals))
        #expect(report.kind == .observations)
        #expect(report.controlID == "KCM-000001")
        #expect(report.sendingApplication == "KC_MON_GW^0A00000000000100^EUI-64")
        #expect(report.equipmentID == "0A00000000000101")
        #expect(report.equipmentName == "MON01")
        let temperature = try #require(report.observations.first { $0.code == MDC.temperature })
        #expect(temperature.value == .numeric(text: "36.8", number: 36.8))
        #expect(temperature.position == ObservationPosition(mds: 1, vmd: 4, channel: 0, metric: 1))
        #expect(temperature.unit == .degreesCelsius)
        let mds = try #require(report.observations.first)
        #expect(mds.unavailabilityReason == "status X")
    }

    @Test func timeInheritsFromNearestContainer() throws {
        // Give the VMD a time, the channel another: the metric takes the channel's; a
        // metric directly under the VMD takes the VMD's; other VMDs fall back to OBR-7.
        var bytes = Fixtures.edited(Fixtures.vitals, "1.1.0.0|||||||X", "1.1.0.0|||||||X|||20250314085900+0000")
        bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "1.1.1.0|||||||X", with: "1.1.1.0|||||||X|||20250314085930+0100").utf8)
        let vitals = Fixtures.vitals(try Fixtures.mapping(bytes))
        #expect(vitals[.heartRate]?.measuredAt == Fixtures.utc(2025, 3, 14, 7, 59, 30))
        #expect(vitals[.spo2]?.measuredAt == Fixtures.utc(2025, 3, 14, 8, 59, 58))
        let own = Fixtures.edited(Fixtures.vitals, "|36.8|268192^MDC_DIM_DEGC^MDC|||||R", "|36.8|268192^MDC_DIM_DEGC^MDC|||||R|||20250314085801-0000")
        #expect(Fixtures.vitals(try Fixtures.mapping(own))[.temperature]?.measuredAt == Fixtures.utc(2025, 3, 14, 8, 58, 1))
    }

    @Test func noTimeAnywhereIsAnErrorNeverMSH7() {
        let bytes = Fixtures.edited(Fixtures.vitals, "SCT|||20250314085958+0000", "SCT|||")
        let error = Fixtures.error(bytes)
        #expect(error?.code == .requiredFieldMissing)
        #expect(error?.location == HL7ErrorLocation(segment: "OBR", sequence: 1, field: 7))
    }

    @Test func codeZeroFallsBackToTheReferenceIDWithBothHeartRateSpellings() throws {
        for name in ["MDC_ECG_HEART_RATE", "MDC_ECG_CARD_BEAT_RATE"] {
            let bytes = Fixtures.edited(Fixtures.vitals, "147842^MDC_ECG_HEART_RATE^MDC", "0^\(name)^MDC")
            #expect(Fixtures.vitals(try Fixtures.mapping(bytes))[.heartRate]?.value == 72)
        }
        let synonym = Fixtures.edited(Fixtures.vitals, "147842^MDC_ECG_HEART_RATE^MDC", "147842^MDC_ECG_CARD_BEAT_RATE^MDC")
        #expect(Fixtures.vitals(try Fixtures.mapping(synonym))[.heartRate]?.value == 72)
    }

    @Test func pulseStandsInForHeartRateOnlyWithoutECG() throws {
        let noECG = Fixtures.edited(Fixtures.vitals, "147842^MDC_ECG_HEART_RATE^MDC", "999999^MDC_SOMETHING_ELSE^MDC")
        let mapping = try Fixtures.mapping(noECG)
        #expect(Fixtures.vitals(mapping)[.heartRate]?.value == 71)
        #expect(mapping.notes.count == 1)
        // The NIBP pulse (149546) never becomes heart rate.
        #expect(Fixtures.vitals(try Fixtures.mapping(Fixtures.bytes(Fixtures.nibp)))[.heartRate] == nil)
    }

    @Test func unitFormsAreAllUnderstood() throws {
        let forms = [
            "266016^MDC_DIM_MMHG^MDC", "266016^MDC_DIM_MMHG^MDC^mm[Hg]^mm[Hg]^UCUM", "mm[Hg]^mm[Hg]^UCUM", "",
        ]
        for form in forms {
            let bytes = Fixtures.edited(Fixtures.nibp, "|124|266016^MDC_DIM_MMHG^MDC|", "|124|\(form)|")
            #expect(Fixtures.vitals(try Fixtures.mapping(bytes))[.systolic]?.value == 124, "unit \(form)")
        }
        let kPa = Fixtures.edited(Fixtures.nibp, "|124|266016^MDC_DIM_MMHG^MDC|", "|16.5|kPa^kPa^UCUM|")
        let systolic = try #require(Fixtures.vitals(try Fixtures.mapping(kPa))[.systolic]?.value)
        #expect(abs(systolic - 123.76) < 0.01)
    }

    @Test func wrongOrConflictingUnitsAreDataTypeErrors() {
        let wrong = Fixtures.edited(Fixtures.vitals, "|72|264864^MDC_DIM_BEAT_PER_MIN^MDC|", "|72|262688^MDC_DIM_PERCENT^MDC|")
        #expect(Fixtures.error(wrong) == .content(.dataType, at: HL7ErrorLocation(segment: "OBX", sequence: 4, field: 6), "MDC_ECG_HEART_RATE has a unit that is not bpm"))
        let conflict = Fixtures.edited(Fixtures.pumpStart, "|150|265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL/h^mL/h^UCUM|||||R\rOBX|15", "|150|265266^MDC_DIM_MILLI_L_PER_HR^MDC^mL^mL^UCUM|||||R\rOBX|15")
        #expect(Fixtures.error(conflict) == .content(.dataType, at: HL7ErrorLocation(segment: "OBX", sequence: 14, field: 6), "OBX-6 MDC and UCUM units disagree"))
    }

    @Test func unavailableValuesBecomeVitalsUnavailable() throws {
        var bytes = Fixtures.edited(Fixtures.vitals, "|98|262688^MDC_DIM_PERCENT^MDC|||||R", "||262688^MDC_DIM_PERCENT^MDC||NAV|||X")
        bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "|36|266016^MDC_DIM_MMHG^MDC|||||R", with: "|36|266016^MDC_DIM_MMHG^MDC||OFF|||R").utf8)
        let mapping = try Fixtures.mapping(bytes)
        #expect(Fixtures.vitals(mapping)[.spo2] == nil)
        let unavailable = mapping.payloads.compactMap { payload -> VitalsUnavailable? in
            if case .vitalsUnavailable(let value) = payload { value } else { nil }
        }
        #expect(unavailable.map(\.kinds) == [[.spo2], [.etco2]])
        #expect(unavailable.map(\.reason) == ["NAV", "OFF"])
    }

    @Test func unknownObservationsAreIgnoredButNothingUsableIs103() throws {
        let extra = Fixtures.edited(Fixtures.vitals, "OBX|2|", "OBX|99|NM|12345^MDC_UNKNOWN^MDC|1.9.0.1|abc||||||R\rOBX|2|")
        #expect(throws: HL7Error.self) { try Fixtures.mapping(extra) }  // NM must be a number even when unknown
        let unknownText = Fixtures.edited(Fixtures.vitals, "OBX|2|", "OBX|99|ST|12345^MDC_UNKNOWN^MDC|1.9.0.1|abc||||||R\rOBX|2|")
        #expect(Fixtures.vitals(try Fixtures.mapping(unknownText)).count == 5)
        var nothing = Fixtures.text(Fixtures.vitals)
        nothing = String(nothing[..<nothing.range(of: "OBX|2|")!.lowerBound])
        let error = Fixtures.error(Array(nothing.utf8))
        #expect(error?.code == .tableValueNotFound)
        #expect(error?.acknowledgment == .error)
    }

    @Test func pumpStartMapsRateConcentrationAndStatus() throws {
        let mapping = try Fixtures.mapping(Fixtures.bytes(Fixtures.pumpStart))
        let pump = try #require(Fixtures.pump(mapping))
        #expect(pump == PumpReport(
            chair: ChairID("CHAIR-01"), device: DeviceID("PUMP01"), status: .infusing, rate: MillilitersPerHour(150),
            volumeInfused: Milliliters(0), concentration: MilligramsPerMilliliter(0.4), measuredAt: Fixtures.utc(2025, 3, 14, 9, 15, 0)))
        let report = try #require(try Fixtures.report(Fixtures.bytes(Fixtures.pumpStart)).pump)
        #expect(report.event == .deliveryStarted)
        #expect(report.deliveryStatus == "pump-delivery-status-delivering")
        #expect(report.infusingStatus == "pump-status-infusing")
        #expect(report.deliveryMode == "pump-program-delivery-mode-continuous")
        #expect(report.doseRate == .milligramsPerKilogramPerHour(MilligramsPerKilogramPerHour(0.75)))
        #expect(report.volumeToBeInfused == Milliliters(100))
        #expect(report.volumeRemaining == Milliliters(100))
        #expect(report.timeRemaining == 2400)
        #expect(report.drugName == "Ketamine")
        #expect(report.patientWeight == Kilograms(80))
    }

    @Test func rateChangeStopIsTransitioningNeverPaused() throws {
        let stop = try #require(Fixtures.pump(try Fixtures.mapping(Fixtures.bytes(Fixtures.pumpStopTransitioning))))
        #expect(stop.status == .transitioning)
        #expect(stop.volumeInfused == Milliliters(25))
        let start = try #require(Fixtures.pump(try Fixtures.mapping(Fixtures.bytes(Fixtures.pumpStartNewRate))))
        #expect(start.status == .infusing)
        #expect(start.rate == MillilitersPerHour(100))
    }

    @Test func stopReasonsAndCompletionMapToTheirStatuses() throws {
        let transitioning = "^pump-delivery-status-transitioning"
        let alarm = Fixtures.edited(Fixtures.pumpStopTransitioning, transitioning, "^pump-delivery-status-not-delivering||||||R\rOBX|23|CWE|0^MDC_DEV_PUMP_STOP_REASON^MDC|1.1.2.13|^pump-stopped-alarming")
        #expect(Fixtures.pump(try Fixtures.mapping(alarm))?.status == .alarmStopped)
        let paused = Fixtures.edited(Fixtures.pumpStopTransitioning, transitioning, "^pump-delivery-status-not-delivering")
        #expect(Fixtures.pump(try Fixtures.mapping(paused))?.status == .paused)
        let complete = Fixtures.edited(Fixtures.pumpStart, "197288^MDC_EVT_PUMP_DELIV_START", "197292^MDC_EVT_PUMP_DELIV_COMP")
        #expect(Fixtures.pump(try Fixtures.mapping(complete))?.status == .complete)
        let byName = Fixtures.edited(Fixtures.pumpStart, "197288^MDC_EVT_PUMP_DELIV_START", "0^MDC_EVT_PUMP_DELIV_COMP")
        #expect(Fixtures.pump(try Fixtures.mapping(byName))?.status == .complete)
        let kvo = Fixtures.edited(Fixtures.pumpStart, "pump-program-delivery-mode-continuous", "pump-program-delivery-mode-kvo")
        #expect(Fixtures.pump(try Fixtures.mapping(kvo))?.status == .kvo)
    }

    @Test func pumpLackingConcentrationIsRequiredFieldMissing() {
        let bytes = Fixtures.edited(Fixtures.pumpStart, "157760^MDC_CONC_DRUG", "157761^MDC_CONC_OTHER")
        #expect(Fixtures.error(bytes)?.code == .requiredFieldMissing)
    }

    @Test func alertFacetsAreRead() throws {
        let text = """
            MSH|^~\\&|KC_PUMP_GW^0A00000000000200^EUI-64|KCLINIC|KC_DASH|KCLINIC|20250314093001+0000||ORU^R40^ORU_R40|KCA-1|P|2.6\r\
            PID|||KC10001^^^KCLINIC^MR\r\
            OBR|1||KCA-1|196616^MDC_EVT_ALARM^MDC|||20250314093000+0000\r\
            OBX|1||70049^MDC_DEV_PUMP_INFUS_LVP_MDS^MDC|1.0.0.0|||||||X|||||||PUMP01^^0A00000000000201^EUI-64\r\
            OBX|2|ST|196940^MDC_EVT_FLUID_LINE_OCCL^MDC|1.1.1.0.1|Occlusion \\S\\ distal||||||R|||20250314092958+0000\r\
            OBX|3|ST|68480^MDC_ATTR_ALERT_SOURCE^MDC|1.1.1.0.2|157784||||||R\r\
            OBX|4|ST|68481^MDC_ATTR_EVENT_PHASE^MDC|1.1.1.0.3|start||||||R\r\
            OBX|5|ST|68482^MDC_ATTR_ALARM_STATE^MDC|1.1.1.0.4|active||||||R\r\
            OBX|6|ST|68483^MDC_ATTR_ALARM_INACTIVATION_STATE^MDC|1.1.1.0.5|enabled||||||R\r\
            OBX|7|ST|0^MDC_ATTR_ALARM_PRIORITY^MDC|1.1.1.0.6|PH||||||R\r\
            OBX|8|ST|68485^MDC_ATTR_ALERT_TYPE^MDC|1.1.1.0.7|ST||||||R
            """
        let mapping = try Fixtures.mapping(Array(text.utf8))
        #expect(mapping.payloads.isEmpty)
        let alert = try #require(mapping.alert)
        #expect(alert == DeviceAlert(
            eventCode: 196_940, eventName: "MDC_EVT_FLUID_LINE_OCCL", text: "Occlusion ^ distal", source: "157784", phase: "start",
            state: "active", inactivationState: "enabled", priority: .high, type: .technical, occurredAt: Fixtures.utc(2025, 3, 14, 9, 29, 58)))
        // The older form: priority and type as OBX-8 flags of the event row.
        let older = text.replacingOccurrences(of: "Occlusion \\S\\ distal|||", with: "Occlusion|||PM~SP")
        let olderAlert = try #require(try Fixtures.report(Array(older.utf8)).alert)
        #expect(olderAlert.priority == .high)  // the facet row wins when both are present
        let flagsOnly = older.components(separatedBy: "\r").prefix(5).joined(separator: "\r")
        let flagged = try #require(try Fixtures.report(Array(flagsOnly.utf8)).alert)
        #expect(flagged.priority == .medium)
        #expect(flagged.type == .physiological)
    }
}
