import Foundation
import Testing
@testable import Devices
@testable import HL7
import InfusionCore

/// The adapter's own events (device alarms, mismatch, registration), link bookkeeping and
/// the rejection record, without sockets.
struct HL7AdapterMappingTests {
    private let pump = DeviceRegistry.Entry(eui64: "0a00000000000201", label: "PUMP01", kind: .pump, chair: ChairID("CHAIR-01"))
    private let now = Date(timeIntervalSince1970: 1_741_944_600)

    private func alert(priority: AlertPriority?, phase: String = "start", state: String = "active", inactivation: String = "enabled") -> DeviceAlert {
        DeviceAlert(
            eventCode: 196_940, eventName: "MDC_EVT_FLUID_LINE_OCCL", text: nil, source: nil, phase: phase, state: state,
            inactivationState: inactivation, priority: priority, type: .technical, occurredAt: now.addingTimeInterval(-2))
    }

    @Test func aDeviceAlertIsMirroredWithItsPriority() {
        let key = AlarmKey(.device, "0A00000000000201|196940")
        let raised = HL7EventMapping.alarmEvents(for: alert(priority: .high), device: pump, at: now)
        #expect(raised == [.alarmRaised(AlarmRaised(
            chair: ChairID("CHAIR-01"), key: key, priority: .high, text: "PUMP01 FLUID LINE OCCL",
            onsetAt: now.addingTimeInterval(-2), at: now))])
        #expect(HL7EventMapping.alarmPriority(.medium) == .medium)
        #expect(HL7EventMapping.alarmPriority(.low) == .low)
        #expect(HL7EventMapping.alarmPriority(nil) == .medium)
        #expect(HL7EventMapping.alarmEvents(for: alert(priority: AlertPriority.none), device: pump, at: now).isEmpty)
    }

    @Test(arguments: [("end", "active", "enabled"), ("continue", "inactive", "enabled"), ("continue", "active", "alarm-off")])
    func anEndedDeviceAlertEndsTheCondition(phase: String, state: String, inactivation: String) {
        let events = HL7EventMapping.alarmEvents(
            for: alert(priority: .high, phase: phase, state: state, inactivation: inactivation), device: pump, at: now)
        #expect(events == [.alarmConditionEnded(AlarmConditionEnded(
            chair: ChairID("CHAIR-01"), key: AlarmKey(.device, "0A00000000000201|196940"), at: now))])
    }

    @Test func aMismatchNeedsBothPatientsKnown() {
        #expect(HL7EventMapping.isPatientMismatch(messagePatient: "KC10001", sessionPatient: "KC10002"))
        #expect(!HL7EventMapping.isPatientMismatch(messagePatient: "KC10001", sessionPatient: "KC10001"))
        #expect(!HL7EventMapping.isPatientMismatch(messagePatient: nil, sessionPatient: "KC10002"))
        #expect(!HL7EventMapping.isPatientMismatch(messagePatient: "KC10001", sessionPatient: nil))
        #expect(!HL7EventMapping.isPatientMismatch(messagePatient: " ", sessionPatient: "KC10002"))
    }

    @Test func registrationsAreRealDevicesWithTheirTimings() {
        let monitor = DeviceRegistry.Entry(eui64: "0A00000000000101", label: "MON01", kind: .monitor, chair: ChairID("CHAIR-01"))
        #expect(HL7EventMapping.descriptor(for: monitor) == DeviceDescriptor(
            id: DeviceID("MON01"), label: "MON01", kind: .monitor, chair: ChairID("CHAIR-01"), isSimulated: false,
            expectedInterval: 60, timeout: 180))
        #expect(HL7EventMapping.descriptor(for: pump).expectedInterval == 30)
        #expect(HL7EventMapping.descriptor(for: pump).timeout == 90)
    }

    @Test func aLinkIsLostOnlyWhenNoConnectionCarriedItSince() {
        var links = DeviceLinkTracker()
        let device = DeviceID("MON01")
        let cameUp = links.carried(device, by: 1)
        let cameUpAgain = links.carried(device, by: 2)
        #expect(cameUp && !cameUpAgain)
        let stillCarried = links.closed(1)
        #expect(stillCarried.isEmpty)  // connection 2 still carries it
        let orphan = links.closed(2)
        #expect(orphan.map(\.device) == [device])
        // Heard again on a new connection before the grace ended: the pending loss is void.
        let heardAgain = links.carried(device, by: 3)
        let lostEarly = links.expire(device, generation: orphan[0].generation)
        #expect(!heardAgain && !lostEarly)
        let again = links.closed(3)
        let lost = links.expire(device, generation: again[0].generation)
        let backUp = links.carried(device, by: 4)
        let stopped = links.expireAll()
        #expect(lost && backUp)
        #expect(stopped == [device])
    }

    @Test func aRejectionKeepsAnEscapedCappedCopy() {
        let raw: [UInt8] = Array("MSH|^~\\&|A\r".utf8) + [0x00, 0xFF] + Array(repeating: UInt8(ascii: "x"), count: 3000)
        let rejection = HL7Rejection(
            at: now, peer: "127.0.0.1:1", error: .rejected(.applicationError, at: nil, "too large"), raw: raw)
        #expect(rejection.rawBytes.count == 2048)
        #expect(rejection.byteCount == raw.count)
        #expect(rejection.escapedText.hasPrefix("MSH|^~\\\\&|A\\r\\x00\\xFFxxx"))
        #expect(rejection.escapedText.hasSuffix("…(+\(raw.count - 2048) bytes)"))
    }
}
