import Foundation
import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// A station for keystroke tests: the controller plus what the app loop does with its
/// effects (sign-in against a test verifier, orders applied through the reducer).
struct DoseStation {
    var clinic: ClinicState
    var access: Authenticator
    var now = DoseFixtures.now
    var screen = ScreenState(terminalWidth: 120, terminalHeight: 40)
    var orders: [ClinicEventPayload] = []
    var signOffs: [ScreenEffect] = []
    var rules = SignOffRules()
    var accessEvents: [ClinicEventPayload] = []
    let controller = ScreenController()

    init(rate: Double = 0.75, weight: Double = 70, signedIn user: UserAccount? = DoseFixtures.physician) {
        clinic = DoseFixtures.singleChair(weight: weight, concentration: 1, rate: rate)
        access = DoseFixtures.access(user)
    }

    var context: StationContext {
        StationContext(now: now, library: .example, access: access, commandableChairs: [DoseFixtures.chair1],
                       timeZone: DisplayZone.utc, signOffRules: rules)
    }

    mutating func press(_ keys: [Key]) {
        for key in keys { pressOne(key) }
    }

    mutating func type(_ text: String) { press(text.map { .character($0) }) }

    private mutating func pressOne(_ key: Key) {
        accessEvents += access.noteActivity(at: now)
        let (next, effects) = controller.handle(key: key, screen: screen, clinic: clinic, station: context)
        screen = next
        for effect in effects {
            switch effect {
            case .signIn(let user, let pin, let resume):
                finish(access.signIn(user: user, pin: pin, at: now), user: user, resume: resume)
            case .unlock(let user, let pin, let resume):
                finish(access.unlock(pin: pin, at: now), user: user, resume: resume)
            case .submitOrder(let payload), .recordEntry(let payload):
                apply(payload)
            case .admit(let start):
                apply(.sessionStarted(start))
            case .signOff, .amend:
                signOffs.append(effect)
            default: break
            }
        }
    }

    /// Records `payload` as the app would (journaled, then reduced into the model).
    mutating func apply(_ payload: ClinicEventPayload) {
        orders.append(payload)
        ClinicReducer.reduce(&clinic, ClinicEvent(sequence: clinic.lastSequence + 1, receivedAt: now, payload: payload))
    }

    private mutating func finish(_ outcome: AccessOutcome, user: UserID, resume: Key?) {
        accessEvents += outcome.events
        if let refusal = outcome.refusal {
            screen.overlay = .signIn(SignInDialog(user: user.rawValue, notice: refusal.message, resume: resume))
        } else if let resume {
            pressOne(resume)
        }
    }

    /// The frame as text lines, for what the operator sees.
    var frame: String {
        let render = RenderContext(
            now: now, glyphs: .unicode, timeZone: DisplayZone.utc, signedIn: access.status(at: now), signOffRules: rules)
        return ScreenRenderer().frame(width: 120, height: 40, clinic: clinic, screen: screen, context: render)
            .lines().joined(separator: "\n")
    }

    var rateOrder: RateChangeOrder? {
        if case .rateChangeOrdered(let order) = orders.last { return order }
        return nil
    }

    var refusal: String? {
        if case .dose(let dialog) = screen.overlay, case .refused(let message) = dialog.step { return message }
        return nil
    }
}

@Suite struct DoseKeyTests {
    @Test func plusShowsBothUnitsAndEnterConfirms() {
        var station = DoseStation()
        station.press([.character("+")])
        // 70 kg at 1 mg/mL: 0.75 mg/kg/h is 52.5 mL/h; one step up is 0.80 mg/kg/h, 56.0 mL/h.
        #expect(station.frame.contains("Rate 0.75 → 0.80 mg/kg/h (×1.07)"))
        #expect(station.frame.contains("Pump 52.5 → 56.0 mL/h (56.0 mg/h)"))
        #expect(station.frame.contains("At 1.00 mg/mL, weight 70.0 kg"))
        #expect(station.orders.isEmpty)
        station.press([.enter])
        #expect(station.rateOrder?.newRate == MilligramsPerKilogramPerHour(0.8))
        #expect(station.rateOrder?.by.user == DoseFixtures.physician.id)
        #expect(station.screen.overlay == nil)
    }

    @Test func escapeCancelsAndChangesNothing() {
        var station = DoseStation()
        station.press([.character("-"), .escape])
        #expect(station.orders.isEmpty)
        #expect(station.screen.overlay == nil)
        station.press([.character("r")])
        station.type("0.6")
        station.press([.escape])
        #expect(station.orders.isEmpty)
    }

    @Test func typedRateShowsLiveFlowAndRefusesNakedDecimals() {
        var station = DoseStation()
        station.press([.character("r")])
        station.type("0.9")
        #expect(station.frame.contains("New rate in mg/kg/h: 0.9_"))
        #expect(station.frame.contains("= 63.0 mL/h"))
        station.press([.backspace, .backspace, .backspace])
        station.type(".9")
        station.press([.enter])
        #expect(station.frame.contains("Type a leading zero (0.5, not .5)"))
        #expect(station.orders.isEmpty)
    }

    @Test func softLimitNeedsASecondConfirmationWithAReason() {
        var station = DoseStation(rate: 0.95)
        station.press([.character("r")])
        station.type("1.05")
        station.press([.enter])
        #expect(station.frame.contains("SOFT LIMIT: 1.05 mg/kg/h above soft limit 1.00 mg/kg/h"))
        station.press([.enter])  // first confirmation: on to the reason
        #expect(station.orders.isEmpty)
        station.press([.enter])  // no reason yet: refused
        #expect(station.orders.isEmpty)
        #expect(station.frame.contains("A reason is required"))
        station.type("1")
        station.press([.enter])
        #expect(station.rateOrder?.reason == DoseDialog.presetReasons[0])
        #expect(station.rateOrder?.overrodeSoftLimit == true)
    }

    @Test func typedReasonIsRecorded() {
        var station = DoseStation(rate: 0.95)
        station.press([.character("r")])
        station.type("1.05")
        station.press([.enter, .enter])
        station.type("still anxious, per Dr A")
        station.press([.enter])
        #expect(station.rateOrder?.reason == "still anxious, per Dr A")
    }

    @Test func hardLimitIsRefusedWithTheLimitShown() {
        var station = DoseStation(rate: 1.2)
        station.press([.character("r")])
        station.type("1.6")
        station.press([.enter])
        #expect(station.refusal == "REFUSED: above the hard limit 1.50 mg/kg/h")
        #expect(station.frame.contains("REFUSED: above the hard limit 1.50 mg/kg/h"))
        station.press([.enter])
        #expect(station.orders.isEmpty)
        #expect(station.screen.overlay == nil)
    }

    @Test func largeChangeMustBeTypedAgain() {
        var station = DoseStation(rate: 0.5)
        station.press([.character("r")])
        station.type("0.9")
        station.press([.enter])
        #expect(station.frame.contains("type the new value again"))
        station.type("0.9")
        station.press([.enter])  // matches: now the confirmation
        #expect(station.orders.isEmpty)
        station.press([.enter])
        #expect(station.rateOrder?.newRate == MilligramsPerKilogramPerHour(0.9))
    }

    @Test func largeChangeTypedDifferentlyIsRefused() {
        var station = DoseStation(rate: 0.5)
        station.press([.character("r")])
        station.type("0.9")
        station.press([.enter])
        station.type("0.8")
        station.press([.enter])
        #expect(station.refusal == DoseRefusal.reentryMismatch.message)
        #expect(station.orders.isEmpty)
    }

    @Test func nurseMayPauseButNotChangeTheRate() {
        var station = DoseStation(signedIn: DoseFixtures.nurse)
        station.press([.character("+")])
        #expect(station.refusal == "Only a physician may raise the rate")
        station.press([.escape, .character("p")])
        #expect(station.frame.contains("PAUSE CHAIR-01"))
        station.press([.enter])
        guard case .infusionControlOrdered(let order) = station.orders.last else {
            Issue.record("no pause order")
            return
        }
        #expect(order.action == .pause)
        #expect(order.by.role == .nurse)
    }

    @Test func signedOutDoseKeyAsksForSignInThenCarriesOn() {
        var station = DoseStation(signedIn: nil)
        station.press([.character("+")])
        guard case .signIn(let dialog) = station.screen.overlay else {
            Issue.record("expected the sign-in box")
            return
        }
        #expect(dialog.notice == "Sign in to raise the rate")
        station.type("dr.test")
        station.press([.enter])
        station.type("2468")
        #expect(station.frame.contains("PIN  ****_"))
        #expect(!station.frame.contains("2468"))
        station.press([.enter])
        // Signed in, and the `+` is replayed: the confirmation is open.
        #expect(station.frame.contains("Rate 0.75 → 0.80 mg/kg/h"))
        #expect(station.accessEvents.contains { if case .operatorSignedIn = $0 { true } else { false } })
    }

    @Test func idleTimeoutLocksActionsUntilThePINIsTypedAgain() {
        var station = DoseStation()
        station.now = DoseFixtures.now.addingTimeInterval(AccessPolicy().idleTimeout + 1)
        station.press([.character("+")])
        guard case .signIn(let dialog) = station.screen.overlay else {
            Issue.record("expected the unlock box")
            return
        }
        #expect(dialog.lockedUser == DoseFixtures.physician.id)
        #expect(station.frame.contains("LOCKED dr.test"))
        // The board stays drawn behind the box (here with the pump's data expired: 5 min old).
        #expect(station.frame.contains("CHAIR-01 P.T. 0001 INFUSING"))
        station.type("2468")
        station.press([.enter])
        #expect(station.accessEvents.contains { if case .operatorLocked = $0 { true } else { false } })
        #expect(station.accessEvents.contains { if case .operatorUnlocked = $0 { true } else { false } })
        #expect(station.frame.contains("Rate 0.75 → 0.80 mg/kg/h"))
    }

    @Test func fiveWrongPINsLockTheID() {
        var station = DoseStation(signedIn: nil)
        for _ in 1...5 {
            station.press([.escape, .character("i")])
            station.type("dr.test")
            station.press([.enter])
            station.type("0000")
            station.press([.enter])
        }
        guard case .signIn(let dialog) = station.screen.overlay else {
            Issue.record("expected the sign-in box with the reason")
            return
        }
        #expect(dialog.notice?.hasPrefix("ID locked after too many wrong PINs") == true)
        // Even the right PIN is refused while locked.
        station.press([.escape, .character("i")])
        station.type("dr.test")
        station.press([.enter])
        station.type("2468")
        station.press([.enter])
        #expect(station.access.status(at: station.now) == .signedOut)
    }

    @Test func weightChangeIsConfirmedWithItsNewFlow() {
        var station = DoseStation()
        station.press([.character("w")])
        station.type("75")
        station.press([.enter])
        #expect(station.frame.contains("Measured on (YYYY-MM-DD): 2025-03-14_"))
        station.press([.enter])
        #expect(station.frame.contains("Weight 70.0 → 75.0 kg (measured 2025-03-14)"))
        #expect(station.frame.contains("Pump 52.5 → 56.3 mL/h for 0.75 mg/kg/h"))
        station.press([.enter])
        guard case .weightChanged(let change) = station.orders.last else {
            Issue.record("no weight order")
            return
        }
        #expect(change.newWeight == Kilograms(75))
    }

    @Test func pumpWithoutACommandPathIsRefused() {
        var station = DoseStation()
        let controller = ScreenController()
        var context = station.context
        context.commandableChairs = []
        let (screen, _) = controller.handle(key: .character("+"), screen: station.screen, clinic: station.clinic, station: context)
        station.screen = screen
        #expect(station.refusal?.contains("change it at the pump") == true)
    }

    @Test func confirmedRateShowsPendingUntilThePumpReportsIt() {
        var station = DoseStation()
        station.press([.character("+"), .enter])
        #expect(station.frame.contains("0.75mg/kg/h 52.5mL/h → 0.80 pending"))
        // A second change waits for the first to be confirmed.
        station.press([.character("+")])
        #expect(station.refusal == DoseRefusal.commandPending.message)
        station.press([.escape])
        station.now = station.now.addingTimeInterval(3)
        let report = PumpReport(
            chair: DoseFixtures.chair1, device: DeviceID("PMP01"), status: .infusing, rate: MillilitersPerHour(56),
            volumeInfused: .zero, concentration: MilligramsPerMilliliter(1), measuredAt: station.now)
        ClinicReducer.reduce(&station.clinic, ClinicEvent(
            sequence: station.clinic.lastSequence + 1, receivedAt: station.now, payload: .pumpReported(report)))
        #expect(!station.frame.contains("pending"))
        #expect(station.frame.contains("0.80mg/kg/h 56.0mL/h"))
    }

    @Test func unconfirmedRateShowsWhatThePumpReportsAfterTheTimeout() {
        var station = DoseStation()
        station.press([.character("+"), .enter])
        station.now = station.now.addingTimeInterval(11)
        #expect(!station.frame.contains("pending"))
        #expect(station.frame.contains("0.75mg/kg/h"))
        #expect(station.clinic[chair: DoseFixtures.chair1]?.unconfirmedCommandAlarm(at: station.now)?.text == "RATE NOT CONFIRMED")
    }
}
