public import Foundation

/// The formats `infusion-central report` writes.
///
/// HTML for people (one self-contained file: inline CSS and SVG, no scripts, no network),
/// text for a terminal, JSON and CSV for other systems. All four print the same
/// ``SessionReport``; JSON and CSV times are ISO-8601 UTC, HTML and text times are in the
/// time zone given (the header names it).
public enum ReportFormat: String, CaseIterable, Sendable {
    case html
    case json
    case csv
    case text

    /// The format named `name` (case-insensitive).
    ///
    /// - Throws: ``ReportError/unknownFormat(_:)`` naming the bad value.
    public init(name: String) throws(ReportError) {
        guard let format = ReportFormat(rawValue: name.lowercased()) else { throw .unknownFormat(name) }
        self = format
    }

    /// The usual file extension (`html`, `json`, `csv`, `txt`).
    public var fileExtension: String { self == .text ? "txt" : rawValue }

    /// The report in this format; the text ends with a newline.
    public func render(_ report: SessionReport, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        switch self {
        case .html: HTMLReportRenderer(report: report, time: ReportTime(timeZone: timeZone)).render()
        case .json: JSONReportRenderer.render(report)
        case .csv: CSVReportRenderer(report: report).render()
        case .text: TextReportRenderer(report: report, time: ReportTime(timeZone: timeZone)).render()
        }
    }
}
