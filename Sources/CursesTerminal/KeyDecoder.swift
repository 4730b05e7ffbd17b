import CNcursesw
public import TerminalUI

/// One result of curses' `wget_wch`: a character, or a function-key code
/// (when it returned `KEY_CODE_YES`).
public enum CursesInput: Equatable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

/// Turns curses input into `Key`s, so views and tests never see curses codes.
///
/// Enter arrives as 10, 13 or `KEY_ENTER`; Backspace as `KEY_BACKSPACE`, 127 or 8
/// (terminals disagree); Esc as a lone 27 (with `set_escdelay(25)` it is not held
/// back). Other control characters and unknown key codes decode to `nil`.
public enum KeyDecoder {
    public static func key(for input: CursesInput) -> Key? {
        switch input {
        case .character(let value): character(value)
        case .keyCode(let code): functionKey(code)
        }
    }

    private static func character(_ value: UInt32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case ..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_HOME, KEY_A1: .home
        case KEY_END, KEY_C1: .end
        case KEY_PPAGE, KEY_A3: .pageUp
        case KEY_NPAGE, KEY_C3: .pageDown
        case KEY_RESIZE: .resize
        case cn_key_f(1)...cn_key_f(12): .function(Int(code - cn_key_f(0)))
        default: nil
        }
    }
}
