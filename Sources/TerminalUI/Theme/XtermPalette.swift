/// The xterm default 256-colour palette, used to find the nearest colour when a
/// theme is degraded. Distances are plain squared RGB distances: good enough to
/// keep hues (orange stays yellowish, grey stays grey) without a colour-science
/// dependency.
enum XtermPalette {
    /// The sixteen ANSI colours as xterm draws them by default.
    static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index` (0...255).
    static func rgb(ofIndex index: Int) -> (red: Int, green: Int, blue: Int) {
        switch index {
        case ..<16:
            let colour = ansi[max(0, index)]
            return (colour.0, colour.1, colour.2)
        case 16..<232:
            let cube = index - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let grey = 8 + 10 * (min(index, 255) - 232)
            return (grey, grey, grey)
        }
    }

    /// The index in `candidates` whose colour is nearest to `colour` (first wins ties).
    ///
    /// A grey only goes to a grey (so mid-grey becomes white, not yellow, which is
    /// nearer by plain distance); a colour may go to any candidate.
    static func nearest(to colour: (red: Int, green: Int, blue: Int), among candidates: Range<Int>) -> Int {
        var best = candidates.lowerBound
        var bestDistance = Int.max
        let wantsGrey = isGrey(colour)
        for index in candidates {
            let entry = rgb(ofIndex: index)
            if wantsGrey && !isGrey(entry) { continue }
            let dr = entry.red - colour.red, dg = entry.green - colour.green, db = entry.blue - colour.blue
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// Whether a colour has (almost) no hue.
    static func isGrey(_ colour: (red: Int, green: Int, blue: Int)) -> Bool {
        max(colour.red, colour.green, colour.blue) - min(colour.red, colour.green, colour.blue) <= 16
    }
}
