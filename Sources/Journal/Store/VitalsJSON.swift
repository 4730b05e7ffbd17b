import Foundation
import InfusionCore

/// The canonical JSON of a `.vitalsObserved` payload written directly, without `Codable`:
/// the one payload that arrives many times a second per chair, so it is the batched write
/// path's budget (docs/benchmarks.md, "Journal").
///
/// It writes what `JSONEncoder` writes for the synthesized `Codable` of
/// `ClinicEventPayload.vitalsObserved(VitalsObservation)`, keys sorted:
///
/// ```
/// {"vitalsObserved":{"_0":{"chair":"…","device":"…","samples":[{"kind":"heartRate","measuredAt":763000000.125,"value":60},…]}}}
/// ```
///
/// Why it cannot drift silently from the types: ``isUsable`` is checked once per process
/// before the first use. It requires the stored properties of `VitalsObservation`,
/// `VitalSample`, `ChairID` and `DeviceID` to be exactly the ones spelled here (a new field
/// would otherwise be left out of the record), and this writer's bytes for a probe with
/// every `VitalKind` to equal `JSONEncoder`'s. If either fails, every vitals payload goes
/// through the general encoder instead. `CanonicalJSONTests` compares random payloads too.
enum VitalsJSON {
    /// Whether this writer still matches the types (see above); computed once.
    static let isUsable: Bool = {
        let time = Date(timeIntervalSinceReferenceDate: 763_000_000.125)
        let samples = VitalKind.allCases.enumerated().map { index, kind in
            VitalSample(kind: kind, value: 36.8 + Double(index), measuredAt: time)
        }
        let probe = VitalsObservation(chair: ChairID("CHAIR-\"1\""), device: DeviceID("MON/1"), samples: samples)
        guard
            fieldNames(of: probe) == ["chair", "device", "samples"],
            fieldNames(of: samples[0]) == ["kind", "value", "measuredAt"],
            fieldNames(of: probe.chair) == ["rawValue"], fieldNames(of: probe.device) == ["rawValue"],
            let expected = try? PayloadCoding.makeEncoder().encode(ClinicEventPayload.vitalsObserved(probe))
        else { return false }
        var bytes: [UInt8] = []
        write(probe, to: &bytes)
        return bytes.elementsEqual(expected)
    }()

    /// The payload's kind (the `kind` column).
    static let kind = "vitalsObserved"

    /// Appends the canonical JSON of `.vitalsObserved(observation)`. Check ``isUsable`` first.
    static func write(_ observation: VitalsObservation, to bytes: inout [UInt8]) {
        CanonicalJSONBytes.appendASCII(#"{"vitalsObserved":{"_0":{"chair":"#, to: &bytes)
        CanonicalJSONBytes.appendString(observation.chair.rawValue, to: &bytes)
        CanonicalJSONBytes.appendASCII(#","device":"#, to: &bytes)
        CanonicalJSONBytes.appendString(observation.device.rawValue, to: &bytes)
        CanonicalJSONBytes.appendASCII(#","samples":["#, to: &bytes)
        for (index, sample) in observation.samples.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            CanonicalJSONBytes.appendASCII(#"{"kind":"#, to: &bytes)
            CanonicalJSONBytes.appendString(sample.kind.rawValue, to: &bytes)
            CanonicalJSONBytes.appendASCII(#","measuredAt":"#, to: &bytes)
            appendNumber(sample.measuredAt.timeIntervalSinceReferenceDate, to: &bytes)
            CanonicalJSONBytes.appendASCII(#","value":"#, to: &bytes)
            appendNumber(sample.value, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        CanonicalJSONBytes.appendASCII("]}}}", to: &bytes)
    }

    /// A double, non-finite ones as `PayloadCoding`'s strings (a device may send a NaN).
    private static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        if value.isFinite {
            CanonicalDouble.append(value, to: &bytes)
        } else if value.isNaN {
            CanonicalJSONBytes.appendString(PayloadCoding.nanString, to: &bytes)
        } else {
            let text = value < 0 ? PayloadCoding.negativeInfinityString : PayloadCoding.positiveInfinityString
            CanonicalJSONBytes.appendString(text, to: &bytes)
        }
    }

    /// The stored property names of `value`, in declaration order.
    private static func fieldNames(of value: Any) -> [String] {
        Mirror(reflecting: value).children.map { $0.label ?? "" }
    }
}
