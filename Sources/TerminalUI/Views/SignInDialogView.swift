import InfusionCore

/// Draws the sign-in box. The PIN shows as one `*` per character, never the digits.
///
/// ```
/// ┌─ Sign in ───────────────────────────────┐
/// │  Sign in to raise the rate               │
/// │  ID   dr.demo                            │
/// │  PIN  ****_                              │
/// │  Enter next/sign in  Tab field  Esc cancel│
/// ```
enum SignInDialogView {
    static func render(dialog: SignInDialog, buffer: inout CellBuffer, context: RenderContext) {
        let cursor = "_"
        var lines: [String] = []
        if let notice = dialog.notice { lines.append(notice) }
        let idCursor = dialog.field == .user ? cursor : ""
        let pinCursor = dialog.field == .pin ? cursor : ""
        lines.append("ID   " + dialog.user + idCursor + (dialog.lockedUser == nil ? "" : "  (locked: PIN to unlock)"))
        lines.append("PIN  " + String(repeating: "*", count: dialog.pin.count) + pinCursor)
        lines.append(dialog.lockedUser == nil ? "Enter next/sign in  Tab field  Esc cancel" : "Enter unlock  Esc cancel")
        let width = max(44, lines.map(\.unicodeScalars.count).max() ?? 0)
        let box = DialogBox.centred(contentWidth: width, contentHeight: lines.count, in: buffer.bounds)
        DialogBox.render(title: dialog.lockedUser == nil ? "Sign in" : "Unlock", lines: lines, in: box, buffer: &buffer,
                         glyphs: context.glyphs)
    }
}
