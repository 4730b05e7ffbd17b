import Foundation
import InfusionCore
import TestSupport

typealias SplitMix = SplitMix64

/// Awkward values for comparing encoders.
extension SplitMix64 {

    static let awkwardDoubles: [Double] = [
        0, -0.0, 0.1, 0.2, 0.30000000000000004, 1e-7, 1e-5, 1e16, 1e21, 1e22, -1e300, 36.8, 98.6, 120,
        .leastNonzeroMagnitude, .greatestFiniteMagnitude, 9_007_199_254_740_992, 123_456_789_012_345_680, .nan, .infinity,
        -.infinity,
    ]

    mutating func double() -> Double {
        switch below(4) {
        case 0: pick(Self.awkwardDoubles)
        case 1: Double(bitPattern: next())
        case 2: Double(below(2_000_000) - 1_000_000) / 10
        default: Double(below(1_000_000_000)) + 752_000_000.123
        }
    }

    static let fragments = [
        "a", "Z", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}", "é",
        "e\u{301}", "💉", "👩🏽‍⚕️", " ", "CHAIR-01", "</script>", "\u{2028}", "\u{FEFF}",
    ]

    mutating func string() -> String {
        (0..<below(6)).map { _ in pick(Self.fragments) }.joined()
    }
}

/// Codable shapes the payloads may grow into: enum-keyed, Int-keyed and struct-keyed
/// dictionaries, nil optionals, enums with associated values, empty containers.
struct Corners: Codable {
    enum Shape: Codable { case none, point(x: Double, y: Double?), named(String, [Int8]), nested(Inner?) }
    struct Inner: Codable, Hashable { var a: UInt64; var b: [Float]; var z: Bool }

    var byKind: [VitalKind: Double]
    var byNumber: [Int: String]
    var byStruct: [Inner: String]
    var maybe: String?
    var shapes: [Shape]
    var empty: [String: Int]
    var nothing: [Double]
    var data: Data
    var url: URL
    var when: Date
    var decimal: Decimal
    var big: Int64
    var nestedArrays: [[Double]]

    static func random(_ random: inout SplitMix) -> Corners {
        func inner() -> Inner {
            Inner(a: random.next(), b: (0..<random.below(3)).map { _ in Float(random.double()) }, z: random.below(2) == 0)
        }
        var byKind: [VitalKind: Double] = [:]
        for kind in VitalKind.allCases where random.below(2) == 0 { byKind[kind] = random.double() }
        return Corners(
            byKind: byKind,
            byNumber: Dictionary(uniqueKeysWithValues: (0..<random.below(12)).map { ($0 * 7 - 20, random.string()) }),
            byStruct: random.below(2) == 0 ? [:] : [inner(): random.string()],
            maybe: random.below(2) == 0 ? nil : random.string(),
            shapes: [.none, .point(x: random.double(), y: random.below(2) == 0 ? nil : random.double()),
                     .named(random.string(), [-128, 0, 127]), .nested(random.below(2) == 0 ? nil : inner())],
            empty: [:], nothing: [],
            data: Data((0..<random.below(9)).map { _ in UInt8(random.below(256)) }),
            url: URL(string: "https://example.org/a b?q=\(random.below(100))")!,
            when: Date(timeIntervalSinceReferenceDate: random.double()),
            decimal: Decimal(random.below(100_000)) / 100,
            big: Int64(bitPattern: random.next()),
            nestedArrays: [[], [random.double()], [random.double(), random.double()]])
    }
}

/// Uses `superEncoder`, which the fast path does not reproduce.
struct SuperEncoding: Encodable {
    var value: Double
    enum CodingKeys: String, CodingKey { case value }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try value.encode(to: container.superEncoder())
    }
}

/// Writes one key twice (JSONEncoder keeps the last).
struct DuplicateKeys: Encodable {
    enum CodingKeys: String, CodingKey { case key }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .key)
        try container.encode(2, forKey: .key)
    }
}

/// Encodes nothing: an error at the top level.
struct Nothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}
