import Foundation
import Testing
@testable import HL7
import InfusionCore

@Suite struct HL7MessageTests {
    @Test(arguments: Fixtures.all)
    func everySampleParses(name: String) throws {
        let message = try Fixtures.message(Fixtures.bytes(name))
        #expect(message.header.name == "MSH")
        #expect(message.segments.map(\.name).prefix(4) == ["MSH", "PID", "PV1", "OBR"])
        #expect(message.segments(named: "OBX").count >= 7)
        #expect(message.isLastSegmentTerminated)
    }

    @Test func headerFieldsUseHL7Numbering() throws {
        let message = try Fixtures.message(Fixtures.bytes(Fixtures.vitals))
        #expect(message.headerField(1).text == "|")
        #expect(message.headerField(2).text == "^~\\&")
        #expect(message.headerField(3).component(1).text == "KC_MON_GW")
        #expect(message.headerField(3).component(3).text == "EUI-64")
        #expect(message.headerField(9).text == "ORU^R01^ORU_R01")
        #expect(message.headerField(10).text == "KCM-000001")
        #expect(message.headerField(12).text == "2.6")
        #expect(message.headerField(40).isEmpty)
        let obx = message.segments(named: "OBX")[3]
        #expect(obx.sequence == 4)
        #expect(message.field(5, of: obx).decimal == 72)
        #expect(message.field(3, of: obx).component(2).text == "MDC_ECG_HEART_RATE")
    }

    @Test func declaredSeparatorsAreHonoured() throws {
        let text = "MSH#$*!@#A#B#C#D#20250314090000+0000##ORU$R01#1#P#2.6\rPID###X1$$$KC$MR\rOBX#1#ST#1$N$MDC#1.0.0.1#a!F!b$c@d*e####R"
        let message = try HL7Message(bytes: Array(text.utf8))
        #expect(message.separators == HL7Separators(field: 0x23, component: 0x24, repetition: 0x2A, escape: 0x21, subcomponent: 0x40))
        #expect(message.headerField(9).component(2).text == "R01")
        let obx = message.segments(named: "OBX")[0]
        let value = message.field(5, of: obx)
        #expect(value.component(1).text == "a#b")
        #expect(value.component(2).subcomponent(2).text == "d")
        #expect(value.repetitions.count == 2)
        #expect(!message.isLastSegmentTerminated)
    }

    @Test func missingFinalCRIsAccepted() throws {
        var bytes = Fixtures.bytes(Fixtures.vitals)
        #expect(bytes.removeLast() == 0x0D)
        let message = try Fixtures.message(bytes)
        #expect(!message.isLastSegmentTerminated)
        #expect(message.segments(named: "OBX").count == 12)
        #expect(try Fixtures.vitals(Fixtures.mapping(bytes))[.temperature]?.value == 36.8)
    }

    @Test func lineFeedsAndCRLFEndSegmentsToo() throws {
        let text = Fixtures.text(Fixtures.vitals)
        for ending in ["\n", "\r\n", "\r\r"] {
            let bytes = Array(text.replacingOccurrences(of: "\r", with: ending).utf8)
            let message = try Fixtures.message(bytes)
            #expect(message.segments.count == 16, "ending \(ending.debugDescription)")
        }
    }

    @Test func escapesDecode() {
        let raw = Array("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\X0D0A\\g\\.br\\h\\H\\i\\N\\\\Q\\".utf8)
        let text = HL7Escaping.decode(raw[...], separators: .standard)
        #expect(text == "a|b^c&d~e\\f\r\ng\nhi\\Q\\")
    }

    @Test func unterminatedEscapeIsKept() {
        #expect(HL7Escaping.decode(Array("50\\ mg".utf8)[...], separators: .standard) == "50\\ mg")
    }

    @Test func encodingRoundTrips() {
        let text = "Occlusion | distal ^ line & ~ bag \\ now\r\nok"
        let encoded = HL7Escaping.encode(text)
        #expect(encoded == "Occlusion \\F\\ distal \\S\\ line \\T\\ \\R\\ bag \\E\\ now\\X0D\\\\X0A\\ok")
        #expect(HL7Escaping.decode(Array(encoded.utf8)[...], separators: .standard) == text)
    }

    @Test func noMSHIsRejected() {
        for text in ["", "PID|||X", "\r\r", "MS", "msh|^~\\&|"] {
            #expect(throws: HL7Error.rejected(.segmentSequence, at: nil, "message does not start with an MSH segment")) {
                try HL7Message(bytes: Array(text.utf8))
            }
        }
    }

    @Test func wrongSeparatorsAreRejected() {
        for text in ["MSH|^~\\|A", "MSH|^^\\&|A", "MSH|^~\\&&|A", "MSHA^~\\&A", "MSH|^~ &|A", "MSH|"] {
            do {
                _ = try HL7Message(bytes: Array(text.utf8))
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.acknowledgment == .reject)
                #expect(error.code == .dataType)
                #expect(error.location == HL7ErrorLocation(segment: "MSH", sequence: 1, field: 2))
            }
        }
    }

    @Test func segmentCutInItsNameIsAnError() {
        var bytes = Fixtures.bytes(Fixtures.vitals)
        bytes.append(contentsOf: Array("OB".utf8))
        #expect(throws: HL7Error.self) { try HL7Message(bytes: bytes) }
    }

    @Test func dataInputParses() throws {
        let message = try HL7Message(data: Data(Fixtures.bytes(Fixtures.nibp)))
        #expect(message.headerField(10).text == "KCM-000002")
    }
}
