import Foundation

/// The report as JSON: sorted keys, two-space indentation, ISO-8601 UTC dates, quantities
/// as `{"unit": …, "value": …}`. Decodes back into an equal ``SessionReport`` (to 4 decimals).
enum JSONReportRenderer {
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "+Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    static func render(_ report: SessionReport) -> String {
        // Encoding plain Codable values with these settings cannot fail.
        let data = (try? makeEncoder().encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
