public import InfusionCore

/// The UI's own state, a value: which screen, which chair, which overlay, what message.
///
/// The model (`ClinicState`) says what is true of the clinic; this says only what the
/// operator is looking at. Both go into every frame, and `ScreenController` is the
/// only thing that changes this one, from keys.
public struct ScreenState: Hashable, Sendable {
    /// The main screen.
    public enum Mode: Hashable, Sendable {
        /// All chairs as tiles.
        case board
        /// One chair's trends, pump and events.
        case detail(ChairID)
    }

    /// A box drawn over the main screen that takes the keys first.
    public enum Overlay: Hashable, Sendable {
        /// Every key binding with its description.
        case help
        /// "Sessions are active. Quit? (y/n)".
        case quitConfirmation
        /// Every active alarm of every chair (`A`); `cursor` indexes `ClinicState.allActiveAlarms`.
        case alarmList(cursor: Int)
        /// Switching one parameter's alarm off or on for one chair (`o`).
        case alarmOff(AlarmOffDialog)
        /// Signing in, or unlocking after the idle timeout (`i`, or a dose key while locked).
        case signIn(SignInDialog)
        /// Changing one chair's rate, pausing, stopping or correcting the weight.
        case dose(DoseDialog)
        /// Admission, CADSS, interventions, the discharge checklist and sign-off.
        case form(FormDialog)
    }

    public var mode: Mode
    public var overlay: Overlay?
    /// Index into `ClinicState.chairs` of the selected chair (clamped when drawn).
    public var selectedIndex: Int
    /// One line for the operator (`No chair 9`), cleared by the next key.
    public var message: String?
    /// The terminal's size as last reported: the grid's column count for up/down moves
    /// depends on it. The app sets it at start and on every resize.
    public var terminalWidth: Int
    public var terminalHeight: Int

    public init(
        mode: Mode = .board, overlay: Overlay? = nil, selectedIndex: Int = 0, message: String? = nil,
        terminalWidth: Int = 80, terminalHeight: Int = 24
    ) {
        self.mode = mode
        self.overlay = overlay
        self.selectedIndex = selectedIndex
        self.message = message
        self.terminalWidth = terminalWidth
        self.terminalHeight = terminalHeight
    }

    /// The selected index, clamped to the chairs there are (nil with no chairs).
    public func selection(in clinic: ClinicState) -> Int? {
        clinic.chairs.isEmpty ? nil : min(max(0, selectedIndex), clinic.chairs.count - 1)
    }
}

/// Something the screen asks the app to do; views stay pure and return these as values.
public enum ScreenEffect: Hashable, Sendable {
    /// Leave the program (after confirmation when sessions were active).
    case quit
    /// Switch to the next colour theme.
    case cycleTheme
    /// Acknowledge the chair's alarms (journaled with who and when).
    case acknowledgeAlarms(ChairID)
    /// Pause alarm audio for the clinic's configured time.
    case pauseAudio
    /// Switch one parameter's alarm off (with a reason) or back on, for one chair.
    case switchAlarm(chair: ChairID, kind: VitalKind, isOff: Bool, reason: String)
    /// Check ID and PIN and sign in; on success replay `resume` (the key that asked for it).
    case signIn(user: UserID, pin: String, resume: Key?)
    /// Unlock after the idle timeout with the signed-in clinician's PIN.
    case unlock(user: UserID, pin: String, resume: Key?)
    /// Sign the current clinician out.
    case signOut
    /// A confirmed dose order: journal it durably, then send the pump its command.
    case submitOrder(ClinicEventPayload)
    /// A clinical entry (score, intervention, checklist item): journal it durably.
    case recordEntry(ClinicEventPayload)
    /// Admit a patient: journal the admission durably, then set up the chair's devices.
    case admit(SessionStart)
    /// Sign a session off: check ID and PIN again (physician), bind the signature to the
    /// session record's hash, journal it durably, then free the chair.
    case signOff(chair: ChairID, session: SessionID, user: UserID, pin: String)
    /// Amend a signed session: ID and PIN again (physician), then the correction is
    /// journaled, linked to the discharge signature, and signed on its own.
    case amend(session: SessionID, text: String, user: UserID, pin: String)
}
