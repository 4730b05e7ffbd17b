import Foundation
import InfusionCore
import TestSupport
import Testing
@testable import Journal

/// `CanonicalJSONEncoder` must write exactly `PayloadCoding.makeEncoder()`'s bytes: the
/// journal hashes payloads as stored, so any difference would break existing chains.
@Suite("Canonical JSON matches JSONEncoder byte for byte")
struct CanonicalJSONTests {
    @Test("every event of the demo and alarm scripts, and the states they build")
    func scriptedSessions() throws {
        let encoder = CanonicalJSONEncoder()
        for script in [ClinicFixtures.demoScript(), ClinicFixtures.alarmScript()] {
            for event in script.events { try expectIdentical(event.payload, encoder) }
            try expectIdentical(script.state, encoder)
        }
        try expectIdentical(ClinicFixtures.clinic(chairCount: 24), encoder)
        #expect(encoder.fallbackCount == 0)
    }

    @Test("random vitals, pump and link payloads with awkward numbers and strings")
    func randomPayloads() throws {
        var random = SplitMix(seed: 0x5EED)
        let encoder = CanonicalJSONEncoder()
        for _ in 0..<2_000 {
            let chair = ChairID(random.string()), device = DeviceID(random.string())
            let at = Date(timeIntervalSinceReferenceDate: random.double())
            let payloads: [ClinicEventPayload] = [
                .vitalsObserved(VitalsObservation(chair: chair, device: device, samples: (0..<random.below(5)).map { _ in
                    VitalSample(kind: random.pick(VitalKind.allCases), value: random.double(),
                                measuredAt: Date(timeIntervalSinceReferenceDate: random.double()))
                })),
                .vitalsUnavailable(VitalsUnavailable(
                    chair: chair, device: device, kinds: (0..<random.below(4)).map { _ in random.pick(VitalKind.allCases) },
                    reason: random.string(), at: at)),
                .pumpReported(PumpReport(
                    chair: chair, device: device, status: random.pick([.idle, .infusing]),
                    rate: MillilitersPerHour(random.double()), volumeInfused: Milliliters(random.double()),
                    concentration: MilligramsPerMilliliter(random.double()), measuredAt: at,
                    alarmReason: random.below(2) == 0 ? nil : random.string())),
                .deviceLinkChanged(DeviceLinkChange(chair: chair, device: device, state: .connected, at: at)),
                .clinicNamed(random.string()),
            ]
            for payload in payloads { try expectIdentical(payload, encoder) }
        }
        #expect(encoder.fallbackCount == 0)
    }

    @Test("dictionaries, optionals, nesting, empty containers and Foundation types")
    func codableCorners() throws {
        var random = SplitMix(seed: 42)
        let encoder = CanonicalJSONEncoder()
        for _ in 0..<300 {
            try expectIdentical(Corners.random(&random), encoder)
        }
        try expectIdentical([Corners](), encoder)
        try expectIdentical(Date(timeIntervalSinceReferenceDate: 0.1), encoder)
        try expectIdentical([String: [Int]](), encoder)
        try expectIdentical(["b/\u{7}": 1, "a10": 2, "a9": 3, "B": 4, "é": 5, "\u{1F489}": 6], encoder)
        #expect(encoder.fallbackCount == 0)
    }

    @Test("values it does not reproduce fall back to JSONEncoder with the same bytes")
    func fallback() throws {
        let encoder = CanonicalJSONEncoder()
        try expectIdentical(SuperEncoding(value: 1.5), encoder)
        try expectIdentical(DuplicateKeys(), encoder)
        #expect(encoder.fallbackCount == 2)
        #expect(throws: (any Error).self) { try encoder.encode(Nothing()) }
    }

    @Test("the writer's rows hash the canonical bytes")
    func rowBuilderUsesCanonicalBytes() throws {
        let payload = ClinicEventPayload.clinicNamed("Ketamine / \"Room\" 2 \u{1F489}")
        let json = try CanonicalJSONEncoder().encode(payload)
        #expect(String(decoding: json, as: UTF8.self) == #"{"clinicNamed":{"_0":"Ketamine / \"Room\" 2 💉"}}"#)
    }

    private func expectIdentical<T: Encodable>(
        _ value: T, _ encoder: CanonicalJSONEncoder, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let expected = try PayloadCoding.makeEncoder().encode(value)
        let actual = try encoder.encode(value)
        #expect(
            String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
            sourceLocation: sourceLocation)
        #expect(actual == expected, sourceLocation: sourceLocation)
    }
}
