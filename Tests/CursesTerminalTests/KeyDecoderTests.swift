import CNcursesw
import Testing
import TerminalUI
@testable import CursesTerminal

@Suite("Key decoding")
struct KeyDecoderTests {
    static let table: [(CursesInput, Key?)] = [
        (.keyCode(KEY_UP), .up), (.keyCode(KEY_DOWN), .down),
        (.keyCode(KEY_LEFT), .left), (.keyCode(KEY_RIGHT), .right),
        (.character(10), .enter), (.character(13), .enter), (.keyCode(KEY_ENTER), .enter),
        (.character(27), .escape), (.character(9), .tab), (.keyCode(KEY_BTAB), .backTab),
        (.keyCode(KEY_BACKSPACE), .backspace), (.character(127), .backspace), (.character(8), .backspace),
        (.keyCode(KEY_DC), .delete), (.keyCode(KEY_HOME), .home), (.keyCode(KEY_END), .end),
        (.keyCode(KEY_PPAGE), .pageUp), (.keyCode(KEY_NPAGE), .pageDown),
        (.keyCode(KEY_F0 + 1), .function(1)), (.keyCode(KEY_F0 + 12), .function(12)),
        (.keyCode(KEY_F0 + 13), nil), (.keyCode(KEY_RESIZE), .resize),
        (.character(0x71), .character("q")), (.character(0x20), .character(" ")),
        (.character(0xE9), .character("é")), (.character(0x2192), .character("→")),
        (.character(1), nil), (.character(0xD800), nil), (.keyCode(KEY_MOUSE), nil),
    ]

    @Test("curses codes and characters decode to keys", arguments: 0..<table.count)
    func decodes(index: Int) {
        let (input, expected) = Self.table[index]
        #expect(KeyDecoder.key(for: input) == expected, "\(input)")
    }
}
