import Foundation
import InfusionCore
import TestSupport
import Testing
@testable import Journal

/// The fast number and vitals paths of the write path must give exactly the bytes of
/// `description` / `JSONEncoder`: the journal hashes payloads as stored.
@Suite("Fast double formatting and the vitals fast path match JSONEncoder")
struct CanonicalDoubleTests {
    /// Doubles the station journals (vitals with a few decimals, reference-date times in
    /// steps of 1/8 s or 1 ms), values at the fast path's bounds, and any bit pattern.
    private static func randomDouble(_ random: inout SplitMix) -> Double {
        let sign: Double = random.below(4) == 0 ? -1 : 1
        switch random.below(8) {
        case 0: return Double(bitPattern: random.next())
        case 1: return sign * Double(random.below(100_000)) / [1, 10, 100, 1_000][random.below(4)]
        case 2: return 763_000_000 + Double(random.below(80_000_000)) * 0.125
        case 3: return 763_000_000 + Double(random.below(1_000_000_000)) / 1_000
        case 4: return sign * Double(random.below(1 << 30)) * [0x1p-10, 0x1p-30, 0x1p20, 0x1p-40][random.below(4)]
        case 5: return sign * [0x1p-10, 0x1p50, 0x1p53, (0x1p-10 as Double).nextDown, (0x1p50 as Double).nextDown, 0.001, 1e15, 1e-4][random.below(8)]
        case 6: return sign * Double(random.next() >> 11) / Double(1 << random.below(63))
        default: return sign * (Double(random.next() >> 11) * 0x1p-53) * pow(10, Double(random.below(30) - 12))
        }
    }

    /// What `JSONEncoder` writes for a finite double: `description` without a trailing `.0`.
    private static func reference(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    @Test("300,000 random doubles: the fast path equals description minus .0")
    func randomDoubles() {
        var random = SplitMix(seed: 0xD0_0B1E)
        var fastCount = 0
        for _ in 0..<300_000 {
            let value = Self.randomDouble(&random)
            guard value.isFinite else { continue }
            var bytes: [UInt8] = []
            CanonicalDouble.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Self.reference(value), "\(value.bitPattern)")
            bytes.removeAll()
            if CanonicalDouble.appendDecimal(value, to: &bytes) {
                fastCount += 1
                #expect(String(decoding: bytes, as: UTF8.self) == Self.reference(value), "fast \(value.bitPattern)")
            }
        }
        // The fast path must actually be taken for many of these (about half), else it is dead code.
        #expect(fastCount > 120_000)
    }

    @Test("fixed cases: zeros, fraction with leading zeros, bounds")
    func fixedCases() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "-0"), (36.8, "36.8"), (37, "37"), (0.05, "0.05"), (-0.001, "-0.001"),
            (763_000_000.125, "763000000.125"), (0.1 + 0.2, "0.30000000000000004"), (1e15, "1000000000000000"),
            (1e16, "1e+16"), (1e-5, "1e-05"), (0x1p-10, "0.0009765625"),
        ]
        for (value, expected) in cases {
            var bytes: [UInt8] = []
            CanonicalDouble.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }

    @Test("doubles inside JSON: the encoder's bytes equal JSONEncoder's")
    func doublesInJSON() throws {
        var random = SplitMix(seed: 7)
        let encoder = CanonicalJSONEncoder()
        for _ in 0..<2_000 {
            let values = (0..<8).map { _ in Self.randomDouble(&random) }
            #expect(try encoder.encode(values) == PayloadCoding.makeEncoder().encode(values))
        }
    }

    @Test("the vitals fast path is in use and equals JSONEncoder for random observations")
    func vitalsFastPath() throws {
        #expect(VitalsJSON.isUsable)
        var random = SplitMix(seed: 0x7174_15)
        let encoder = CanonicalJSONEncoder()
        var bytes: [UInt8] = []
        for _ in 0..<3_000 {
            let samples = (0..<random.below(6)).map { _ in
                VitalSample(
                    kind: random.pick(VitalKind.allCases),
                    value: random.below(3) == 0 ? random.double() : Self.randomDouble(&random),
                    measuredAt: Date(timeIntervalSinceReferenceDate: random.below(2) == 0 ? random.double() : Self.randomDouble(&random)))
            }
            let payload = ClinicEventPayload.vitalsObserved(
                VitalsObservation(chair: ChairID(random.string()), device: DeviceID(random.string()), samples: samples))
            bytes.removeAll(keepingCapacity: true)
            try encoder.append(payload, to: &bytes)
            let expected = try PayloadCoding.makeEncoder().encode(payload)
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
            #expect(bytes.elementsEqual(expected))
        }
        #expect(encoder.fallbackCount == 0)
    }

    @Test("append gives the same bytes as encode for every other payload kind")
    func appendMatchesEncode() throws {
        let encoder = CanonicalJSONEncoder()
        var bytes: [UInt8] = []
        for script in [ClinicFixtures.demoScript(), ClinicFixtures.alarmScript()] {
            for event in script.events {
                bytes.removeAll(keepingCapacity: true)
                try encoder.append(event.payload, to: &bytes)
                #expect(bytes.elementsEqual(try PayloadCoding.makeEncoder().encode(event.payload)))
            }
        }
    }
}
