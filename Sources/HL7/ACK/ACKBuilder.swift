public import Foundation

/// Builds the ACK every complete frame gets (HL7 original-mode acknowledgment).
///
/// ```
/// MSH|^~\&|<their MSH-5>|<their MSH-6>|<their MSH-3>|<their MSH-4>|<now>||ACK^<their trigger>^ACK|<new id>|P|<their version>
/// MSA|<AA/AE/AR>|<their MSH-10>
/// ERR||<segment^seq^field>|<0357 code>^<text>^HL70357|E||||<escaped reason>   (only on error)
/// ```
/// Always written with `|^~\&`; segments end with CR. Control ids are
/// `<prefix><counter>`, so they are unique per builder and deterministic in tests.
public struct ACKBuilder: Sendable {
    /// Our MSH-3 / MSH-4 when the message had no readable MSH to swap from.
    public var application: String
    public var facility: String
    /// Prefix of the control ids this builder makes.
    public var controlIDPrefix: String
    /// Written to MSH-12 when the message did not say its version.
    public var defaultVersion: String
    private var counter: UInt64 = 0

    public init(application: String = "INFUSION_CENTRAL", facility: String = "", controlIDPrefix: String = "ACK", defaultVersion: String = "2.6") {
        self.application = application
        self.facility = facility
        self.controlIDPrefix = controlIDPrefix
        self.defaultVersion = defaultVersion
    }

    /// The ACK for `message` (nil when it could not even be parsed) with `code`, and the
    /// error when there is one. The ACK is not MLLP-framed.
    public mutating func makeACK(for message: HL7Message?, code: HL7AcknowledgmentCode, error: HL7Error? = nil, at now: Date) -> [UInt8] {
        counter += 1
        var header = ["MSH", "^~\\&", application, facility, "", "", HL7Timestamp.format(now), "", "ACK", controlIDPrefix + String(counter), "P", defaultVersion]
        var theirControlID = ""
        if let message {
            header[2] = reencode(message.headerField(5), or: application)
            header[3] = reencode(message.headerField(6), or: facility)
            header[4] = reencode(message.headerField(3), or: "")
            header[5] = reencode(message.headerField(4), or: "")
            let trigger = message.headerField(9).component(2)
            if !trigger.isEmpty { header[8] = "ACK^" + HL7Escaping.encode(trigger.text) + "^ACK" }
            let processing = message.headerField(11).component(1)
            if processing.matches("P") || processing.matches("T") || processing.matches("D") { header[10] = processing.text }
            let version = message.headerField(12).component(1)
            if !version.isEmpty { header[11] = HL7Escaping.encode(version.text) }
            theirControlID = HL7Escaping.encode(message.headerField(10).text)
        }
        var text = "MSH|^~\\&|" + header.dropFirst(2).joined(separator: "|") + "\r"
        text += "MSA|\(code.rawValue)|\(theirControlID)\r"
        if let error {
            // Segment IDs are 3 letters or digits and the rest are numbers: nothing to escape.
            let location = error.location?.description ?? ""
            text += "ERR||\(location)|\(error.code.rawValue)^\(error.code.text)^HL70357|E||||\(HL7Escaping.encode(error.reason))\r"
        }
        return Array(text.utf8)
    }

    /// A field of theirs rewritten with our separators, component by component
    /// (first repetition only), so a sender using other delimiters gets a valid ACK.
    private func reencode(_ field: HL7Field, or fallback: String) -> String {
        guard !field.isEmpty else { return HL7Escaping.encode(fallback) }
        let first = field.repetitions[0]
        var components: [String] = []
        var number = 1
        var consumed = 0
        while consumed < first.raw.count, number <= 20 {
            let component = first.component(number)
            let subcomponents = split(component.raw, at: field.separators.subcomponent)
                .map { HL7Escaping.encode(HL7Escaping.decode($0, separators: field.separators)) }
            components.append(subcomponents.joined(separator: "&"))
            consumed += component.raw.count + 1
            number += 1
        }
        while components.last?.isEmpty == true { components.removeLast() }
        return components.joined(separator: "^")
    }
}
