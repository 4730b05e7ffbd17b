import InfusionCore

/// Escaping for text and attribute values in the HTML report.
///
/// Everything that comes from the journal (patient names, reasons, free text, IDs) goes
/// through ``escape(_:)``: a name such as `<script>` prints as text, never as markup.
enum HTMLText {
    /// `text` with `& < > " '` replaced by entities (safe in text and in quoted attributes).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// An SVG coordinate with one decimal and a leading zero (`12.5`, `0.5`).
    static func coordinate(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }
}
