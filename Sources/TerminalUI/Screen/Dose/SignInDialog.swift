import Foundation
public import InfusionCore

/// The sign-in box (`i`, or any dose key while nobody is signed in): ID, then PIN.
///
/// The PIN is never drawn (one `*` per digit) and never leaves the dialog except in the
/// `.signIn` effect the app checks at once. After an idle lock the ID is fixed and only
/// the PIN is asked. `resume` is the key that opened it, replayed after a good sign-in so
/// the clinician does not have to press it again.
public struct SignInDialog: Hashable, Sendable {
    public enum Field: Hashable, Sendable { case user, pin }

    public var user: String
    public var pin: String
    public var field: Field
    /// Set for an unlock after the idle timeout: only this clinician's PIN is accepted.
    public var lockedUser: UserID?
    /// Why the last attempt failed, or why the box opened (`Sign in first`).
    public var notice: String?
    /// The key to replay after a successful sign-in.
    public var resume: Key?

    /// The longest ID or PIN accepted from the keyboard.
    public static let maximumLength = 32

    public init(lockedUser: UserID? = nil, user: String = "", notice: String? = nil, resume: Key? = nil) {
        self.user = lockedUser?.rawValue ?? user
        self.pin = ""
        self.field = lockedUser == nil && user.isEmpty ? .user : .pin
        self.lockedUser = lockedUser
        self.notice = notice
        self.resume = resume
    }

    /// The box for `status`: an unlock when actions are idle-locked, else a sign-in.
    public static func opening(for status: Authenticator.Status, notice: String?, resume: Key?) -> SignInDialog {
        if case .idleLocked(let identity) = status {
            return SignInDialog(lockedUser: identity.user, notice: notice, resume: resume)
        }
        return SignInDialog(notice: notice, resume: resume)
    }

    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        case open(SignInDialog)
        case cancelled
        case submitted(ScreenEffect)
    }

    /// Enter moves from the ID to the PIN, then submits; Tab switches field; Esc cancels.
    /// Every printable key is text.
    public func handle(_ key: Key, command: ScreenCommand?) -> Outcome {
        var next = self
        switch (command, key) {
        case (.decline, _): return .cancelled
        case (.confirm, _):
            if field == .user {
                guard !user.trimmingCharacters(in: .whitespaces).isEmpty else { return .open(next) }
                next.field = .pin
                return .open(next)
            }
            guard !pin.isEmpty else { return .open(next) }
            if let lockedUser { return .submitted(.unlock(user: lockedUser, pin: pin, resume: resume)) }
            let id = UserID(user.trimmingCharacters(in: .whitespaces))
            return .submitted(.signIn(user: id, pin: pin, resume: resume))
        case (.deleteBackward, _):
            if field == .user { next.user = String(user.dropLast()) } else { next.pin = String(pin.dropLast()) }
        case (_, .tab), (_, .backTab):
            if lockedUser == nil { next.field = field == .user ? .pin : .user }
        case (_, .character(let character)):
            guard character.isASCII, !character.isWhitespace || field == .user, !character.isNewline else { break }
            if field == .user, user.count < Self.maximumLength, !character.isWhitespace {
                next.user.append(character)
            } else if field == .pin, pin.count < Self.maximumLength {
                next.pin.append(character)
            }
        default: break
        }
        return .open(next)
    }
}
