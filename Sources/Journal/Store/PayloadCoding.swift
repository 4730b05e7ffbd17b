import Foundation
import InfusionCore

/// The one JSON form of payloads and snapshots in the journal.
///
/// Keys are sorted, dates are seconds since the Foundation reference date
/// (2001-01-01T00:00:00Z) as a JSON number that round-trips exactly, and non-finite
/// numbers (a device may send a NaN) are the strings `"NaN"`, `"+Infinity"`, `"-Infinity"`
/// instead of failing the write. Encoders are not shared across threads: make one per use.
enum PayloadCoding {
    /// The spellings of non-finite numbers (shared with `CanonicalJSONEncoder`).
    static let nanString = "NaN"
    static let positiveInfinityString = "+Infinity"
    static let negativeInfinityString = "-Infinity"

    /// The journal's encoder for the write path: the same bytes as `makeEncoder()`, about
    /// ten times faster (`CanonicalJSONEncoder`).
    static func makeCanonicalEncoder() -> CanonicalJSONEncoder { CanonicalJSONEncoder() }

    /// The reference encoder: `CanonicalJSONEncoder` must match it byte for byte.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .deferredToDate
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: positiveInfinityString, negativeInfinity: negativeInfinityString, nan: nanString)
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .deferredToDate
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "+Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}

/// The payload case name (`vitalsObserved`), stored in the `kind` column: the one
/// top-level key of the payload's JSON, so it needs no list of cases to keep up to date.
enum PayloadKind {
    /// The first key of a JSON object (`{"sessionEnded":{...}}` gives `sessionEnded`).
    static func name(ofJSON json: some Collection<UInt8>) -> String? {
        guard let open = json.firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        let start = json.index(after: open)
        guard let close = json[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: json[start..<close], as: UTF8.self)
    }
}

extension ClinicEventPayload {
    /// The session the payload names itself, if it does.
    var namedSession: SessionID? {
        switch self {
        case .sessionStarted(let start): start.session
        case .sessionPhaseChanged(let change): change.session
        case .sessionEnded(let end): end.session
        case .sessionResumed(let resumed): resumed.session
        case .rateChangeOrdered(let order): order.session
        case .infusionControlOrdered(let order): order.session
        case .weightChanged(let change): change.session
        case .dissociationScored(let scoring): scoring.session
        case .interventionRecorded(let record): record.session
        case .dischargeItemRecorded(let record): record.session
        case .sessionSigned(let signature): signature.session
        case .sessionAmended(let amendment): amendment.session
        default: nil
        }
    }

    /// The device's (or operator's) own time for the event, when the payload carries one.
    var deviceTime: Date? {
        switch self {
        case .clinicNamed, .chairConfigured, .deviceRegistered: nil
        case .vitalsObserved(let observation): observation.samples.lazy.map(\.measuredAt).max()  // no array per event
        case .vitalsUnavailable(let unavailable): unavailable.at
        case .pumpReported(let report): report.measuredAt
        case .deviceLinkChanged(let change): change.at
        case .sessionStarted(let start): start.admittedAt
        case .sessionPhaseChanged(let change): change.at
        case .sessionEnded(let end): end.at
        case .concentrationsEstimated(let estimate): estimate.at
        case .dissociationScored(let scoring): scoring.at
        case .interventionRecorded(let record): record.at
        case .dischargeItemRecorded(let record): record.at
        case .sessionSigned(let signature): signature.at
        case .sessionAmended(let amendment): amendment.at
        default: nil  // later cases: add their device time here; nil only loses an index column
        }
    }
}
