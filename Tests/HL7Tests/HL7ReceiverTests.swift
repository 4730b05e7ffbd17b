import Foundation
import InfusionCore
import Testing
@testable import HL7

@Suite struct HL7ReceiverTests {
    private let now = Fixtures.utc(2025, 3, 14, 9, 0, 1)

    private func ack(_ result: HL7Receiver.Result) -> String { String(decoding: result.ack, as: UTF8.self) }

    @Test func acceptedMessageGetsTheExactAA() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let result = receiver.receive(Fixtures.bytes(Fixtures.vitals), at: now)
        #expect(ack(result) == "MSH|^~\\&|KC_DASH^0A000000000000FF^EUI-64|KCLINIC|KC_MON_GW^0A00000000000100^EUI-64|KCLINIC|20250314090001+0000||ACK^R01^ACK|ACK1|P|2.6\rMSA|AA|KCM-000001\r")
        guard case .accepted(let mapping) = result.outcome else { Issue.record("not accepted"); return }
        #expect(mapping.payloads.count == 1)
        let pump = receiver.receive(Fixtures.bytes(Fixtures.pumpStart), at: now)
        #expect(ack(pump).contains("|ACK^R42^ACK|ACK2|P|2.6\rMSA|AA|KCP-000001\r"))
    }

    @Test func unsupportedTypeIsAR200WithEscapedText() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let adt = "MSH|^~\\&|ADT_APP|HOSP|KC_DASH|KCLINIC|20250314090000+0000||ADT^A01^ADT_A01|X1|P|2.6\rPID|||KC10001^^^KCLINIC^MR\r"
        let result = receiver.receive(Array(adt.utf8), at: now)
        #expect(ack(result) == "MSH|^~\\&|KC_DASH|KCLINIC|ADT_APP|HOSP|20250314090001+0000||ACK^A01^ACK|ACK1|P|2.6\rMSA|AR|X1\rERR||MSH^1^9|200^Unsupported message type^HL70357|E||||message type ADT\\S\\A01 is not supported\r")
    }

    @Test func unsupportedVersionIsAR203() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let result = receiver.receive(Fixtures.edited(Fixtures.vitals, "|P|2.6|", "|P|2.3|"), at: now)
        #expect(result.outcome == .rejected(.rejected(.unsupportedVersion, at: HL7ErrorLocation(segment: "MSH", sequence: 1, field: 12), "HL7 version 2.3 is not supported")))
        #expect(ack(result).hasSuffix("MSA|AR|KCM-000001\rERR||MSH^1^12|203^Unsupported version id^HL70357|E||||HL7 version 2.3 is not supported\r"))
    }

    @Test func noMSHIsARWithEmptyControlID() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let result = receiver.receive(Array("PID|||1\rOBX|1|NM|1|1|1".utf8), at: now)
        #expect(ack(result) == "MSH|^~\\&|INFUSION_CENTRAL||||20250314090001+0000||ACK|ACK1|P|2.6\rMSA|AR|\rERR|||100^Segment sequence error^HL70357|E||||message does not start with an MSH segment\r")
    }

    @Test func wrongSeparatorsAreAR() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let result = receiver.receive(Fixtures.edited(Fixtures.vitals, "MSH|^~\\&|", "MSH|^~|"), at: now)
        guard case .rejected(let error) = result.outcome else { Issue.record("accepted"); return }
        #expect(error.acknowledgment == .reject)
        #expect(ack(result).contains("MSA|AR|\rERR||MSH^1^2|102^"))
    }

    @Test func nonNumericValueIsAE102AtItsField() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let result = receiver.receive(Fixtures.edited(Fixtures.vitals, "|72|", "|7x2|"), at: now)
        #expect(ack(result).hasSuffix("MSA|AE|KCM-000001\rERR||OBX^4^5|102^Data type error^HL70357|E||||OBX-5 '7x2' is not a number (OBX-2 is NM)\r"))
    }

    @Test func outOfRangeValueIsAE207AndNothingApplies() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let result = receiver.receive(Fixtures.edited(Fixtures.vitals, "|98|262688", "|180|262688"), at: now)
        #expect(result.outcome == .rejected(.content(.applicationError, at: HL7ErrorLocation(segment: "OBX", sequence: 7, field: 5), "SpO2 180 outside plausible range 0...100")))
        #expect(ack(result).contains("MSA|AE|KCM-000001\rERR||OBX^7^5|207^Application internal error^HL70357|"))
        let rate = receiver.receive(Fixtures.edited(Fixtures.pumpStart, "|1.1.2.4|150|", "|1.1.2.4|15000|"), at: now)
        guard case .rejected(let error) = rate.outcome else { Issue.record("accepted"); return }
        #expect(error.code == .applicationError)
        #expect(error.location == HL7ErrorLocation(segment: "OBX", sequence: 14, field: 5))
    }

    @Test func unknownDeviceIsAE204() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let result = receiver.receive(Fixtures.edited(Fixtures.vitals, "0A00000000000101", "0A00000000000999"), at: now)
        #expect(ack(result).hasSuffix("MSA|AE|KCM-000001\rERR||OBX^1^18|204^Unknown key identifier^HL70357|E||||unknown device 0A00000000000999\r"))
    }

    @Test func truncatedMessageIsAE101() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let text = Fixtures.text(Fixtures.vitals)
        let cut = Array(text[..<text.range(of: "|36.8|")!.upperBound].utf8)
        let result = receiver.receive(cut, at: now)
        #expect(result.outcome == .rejected(.content(.requiredFieldMissing, at: HL7ErrorLocation(segment: "OBX", sequence: 12, field: 11), "last segment is cut short: OBX-11 missing")))
    }

    @Test func identicalResendIsAAButNotAppliedTwice() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let first = receiver.receive(Fixtures.bytes(Fixtures.nibp), at: now)
        guard case .accepted = first.outcome else { Issue.record("first not accepted"); return }
        var resend = Fixtures.bytes(Fixtures.nibp)
        resend.removeLast()  // mllp_send drops the last CR: still the same message
        let second = receiver.receive(resend, at: now)
        #expect(second.outcome == .duplicate(controlID: "KCM-000002"))
        #expect(ack(second).hasSuffix("MSA|AA|KCM-000002\r"))
    }

    @Test func reusedControlIDWithOtherContentIsAE205() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        _ = receiver.receive(Fixtures.bytes(Fixtures.nibp), at: now)
        let result = receiver.receive(Fixtures.edited(Fixtures.nibp, "|124|", "|125|"), at: now)
        #expect(ack(result).hasSuffix("MSA|AE|KCM-000002\rERR||MSH^1^10|205^Duplicate key identifier^HL70357|E||||control id KCM-000002 was already used for a different message\r"))
    }

    @Test func rejectedMessageCanBeResentAndAccepted() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        _ = receiver.receive(Fixtures.edited(Fixtures.vitals, "0A00000000000101", "0A00000000000999"), at: now)
        guard case .accepted = receiver.receive(Fixtures.bytes(Fixtures.vitals), at: now).outcome else {
            Issue.record("a rejected message must not block its corrected resend")
            return
        }
    }

    @Test func megabyteMessageIsARAndQuotesItsControlID() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        var big = Fixtures.bytes(Fixtures.vitals)
        big.append(contentsOf: Array("NTE|1||".utf8) + [UInt8](repeating: 0x41, count: 1 << 20))
        let result = receiver.receive(big, at: now)
        guard case .rejected(let error) = result.outcome else { Issue.record("accepted"); return }
        #expect(error.acknowledgment == .reject)
        #expect(ack(result).contains("MSA|AR|KCM-000001\r"))
    }

    @Test func otherSendersSeparatorsAreReencodedInTheACK() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let text = "MSH#$*!@#GW$A!F!B#FAC#DASH#KC#20250314090000+0000##ADT$A01#C1#P#2.6\r"
        #expect(ack(receiver.receive(Array(text.utf8), at: now)).hasPrefix("MSH|^~\\&|DASH|KC|GW^A#B|FAC|"))  // their \\F\\ is '#', plain text in ours
        let escaped = "MSH#$*!@#GW$A^B#FAC#DASH#KC#20250314090000+0000##ADT$A01#C1#P#2.6\r"
        #expect(ack(receiver.receive(Array(escaped.utf8), at: now)).hasPrefix("MSH|^~\\&|DASH|KC|GW^A\\S\\B|FAC|"))
    }

    @Test func dataAndSliceInputsAreAccepted() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let framed = MLLPFrameEncoder.encode(Fixtures.bytes(Fixtures.vitals))
        guard case .accepted = receiver.receive(framed[1..<(framed.count - 2)], at: now).outcome else { Issue.record("slice"); return }
        guard case .accepted = receiver.receive(Data(Fixtures.bytes(Fixtures.nibp)), at: now).outcome else { Issue.record("data"); return }
    }

    @Test func monitorSendingPumpEventsIsAE207() {
        var receiver = HL7Receiver(registry: .sampleClinic)
        let result = receiver.receive(Fixtures.edited(Fixtures.pumpStart, "0A00000000000201", "0A00000000000101"), at: now)
        guard case .rejected(let error) = result.outcome else { Issue.record("accepted"); return }
        #expect(error.code == .applicationError)
        #expect(error.acknowledgment == .error)
    }
}
