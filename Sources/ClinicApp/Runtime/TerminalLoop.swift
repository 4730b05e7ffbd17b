import CursesTerminal
import EventBus
import Foundation
import InfusionCore
import Journal
import Logging
import TerminalUI

/// The UI loop: the one thread that owns curses and the model.
///
/// Each turn it drains the bus into the model, handles keys, renders a whole frame into
/// a `CellBuffer` and lets `CursesTerminal` write only the changed cells. It sleeps in
/// `poll()` on stdin and the wake pipe (the bus writes a byte on every publish), so an
/// idle board costs nothing between the once-a-second clock redraws.
final class TerminalLoop {
    private let runtime: ClinicRuntime
    private let themes: ThemeCatalog
    private var theme: Theme
    private let options: RunOptions
    private let logger: Logger
    private let controller = ScreenController()
    private let renderer = ScreenRenderer()
    /// Event → screen latency, when `INFUSION_CENTRAL_LATENCY_REPORT` is set (benchmarks).
    private let latency = LatencyProbe.fromEnvironment()
    /// Who is signed in at the keyboard (ID + PIN), the idle lock and the lockouts.
    private var access: Authenticator
    /// Moves station-admitted sessions to observation and ready for discharge.
    private var phases = SessionPhaseKeeper()
    /// The station's login name, for alarm actions taken while nobody is signed in
    /// (acknowledging an alarm must never wait for a sign-in).
    private let stationName = "station:" + (ProcessInfo.processInfo.environment["USER"] ?? "operator")

    init(runtime: ClinicRuntime, themes: ThemeCatalog, theme: Theme, options: RunOptions, logger: Logger) {
        self.runtime = runtime
        self.themes = themes
        self.theme = theme
        self.options = options
        self.logger = logger
        // The idle lock and the lockout are human time: under `--speed` the clinic clock runs
        // faster, so their durations are scaled to stay the same in real seconds.
        var policy = runtime.configuration.access.policy
        let speed = runtime.configuration.simulation?.speed ?? 1
        policy.idleTimeout *= speed
        policy.lockoutDuration *= speed
        access = Authenticator(users: runtime.configuration.access.users, policy: policy, verifier: PINHasher())
    }

    func run() -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal()
            try terminal.start()
        } catch {
            ClinicLauncher.printError(error.message)
            return error.exitCode
        }
        defer { terminal.stop() }
        if let monochrome = themes.theme(named: Theme.monochrome.name) { terminal.monochromeTheme = monochrome }
        let wakeUp = terminal.wakePipe.makeWakeUp()
        let model = ClinicModel(
            bus: runtime.bus, initialState: runtime.recovered.state, onPublish: latency?.stamping(wakeUp) ?? wakeUp)
        runtime.startJournal()  // the adapters start after the first frame (see the loop)
        defer { runtime.stop() }
        loop(terminal: terminal, model: model)
        latency?.writeReport()
        logger.info("stopped", metadata: ["signal": "\(terminal.receivedSignal.map(String.init) ?? "none")"])
        return 0
    }

    private func loop(terminal: CursesTerminal, model: ClinicModel) {
        let glyphs: GlyphSet = terminal.isUTF8 ? .unicode : .ascii
        let startedAt = Date()
        var screen = ScreenState(terminalWidth: terminal.size.columns, terminalHeight: terminal.size.rows)
        // The last rendered frame with its flash marks, and the frame shown from it.
        var rendered = CellBuffer(width: terminal.size.columns, height: terminal.size.rows)
        var flashing = FlashingFrame(rendered)
        var plan = FramePlan()
        var timeDriven = ClockSecondGate()
        var renderedJournalFailure: String?
        var needsDraw = true
        var sound = AlarmSoundPlanner()
        let player = AlarmSoundPlayer(
            settings: options.noSound ? .off : runtime.configuration.alarms.sound, ringBell: { terminal.bell() },
            logger: logger)
        while terminal.receivedSignal == nil {
            latency?.beginDrain()
            let applied = model.update(at: runtime.clock.now(), freshness: runtime.configuration.freshness)
            latency?.drained(applied)
            if applied > 0 {
                needsDraw = true
                runtime.patients.update(from: model.state)
            }
            // What only time changes (session phases, the idle lock, alarm sound repeats) is
            // looked at when events came in or a new second of the clock began.
            let timeMoved = timeDriven.passes(at: runtime.clock.now(), changed: applied > 0)
            if timeMoved {
                let phaseChanges = phases.transitions(
                    in: model.state, rules: runtime.configuration.signOff, freshness: runtime.configuration.freshness,
                    at: runtime.clock.now())
                if !phaseChanges.isEmpty { runtime.bus.publish(contentsOf: phaseChanges) }
                let lockEvents = access.expire(at: runtime.clock.now())
                if !lockEvents.isEmpty {
                    runtime.bus.publish(contentsOf: lockEvents)
                    needsDraw = true
                }
            }
            for key in terminal.readKeys() {
                needsDraw = true
                if key == .resize {
                    screen.terminalWidth = terminal.size.columns
                    screen.terminalHeight = terminal.size.rows
                    continue
                }
                if handle(key, screen: &screen, state: model.state) == .quit { return }
            }
            let messages = runtime.feedback.take()
            if let last = messages.last {
                screen.message = last
                needsDraw = true
            }
            let now = runtime.clock.now()
            if timeMoved, let priority = sound.next(for: model.state, at: now) { player.play(priority) }
            let journalFailure = runtime.journalFailure
            if journalFailure != renderedJournalFailure { needsDraw = true }
            let animating = isAnimating(model.state, at: now)
            let frame = plan.next(at: now, contentChanged: needsDraw, animating: animating)
            if frame != .none {
                let context = RenderContext(
                    now: now, glyphs: glyphs, freshness: runtime.configuration.freshness,
                    timeZone: .local, flashing: runtime.configuration.alarms.flashing,
                    journalFailure: journalFailure, signedIn: access.status(at: now),
                    signOffRules: runtime.configuration.signOff)
                if frame == .content {
                    if rendered.width != terminal.size.columns || rendered.height != terminal.size.rows {
                        rendered = CellBuffer(width: terminal.size.columns, height: terminal.size.rows)
                    }
                    renderer.render(clinic: model.state, screen: screen, context: context, into: &rendered, resolvingFlash: false)
                    renderedJournalFailure = journalFailure
                    flashing = FlashingFrame(rendered)
                }
                terminal.present(flashing.resolved(at: context), theme: theme)
                latency?.didPresent()
                needsDraw = false
                runtime.startAdapters()  // once, after the first frame
            }
            if let exitAfter = options.exitAfter, Date().timeIntervalSince(startedAt) >= exitAfter { return }
            let wait = FramePlan.millisecondsToNextStep(
                at: now, animating: animating, speed: runtime.configuration.simulation?.speed ?? 1)
            let readiness = terminal.waitForInput(timeoutMilliseconds: wait)
            if readiness.contains(.hangUp) { return }
        }
    }

    private enum KeyResult { case handled, quit }

    /// One key: idle timer, the controller, then the effects it asks for.
    private func handle(_ key: Key, screen: inout ScreenState, state: ClinicState) -> KeyResult {
        let now = runtime.clock.now()
        let activity = access.noteActivity(at: now)
        if !activity.isEmpty { runtime.bus.publish(contentsOf: activity) }
        let (next, effects) = controller.handle(key: key, screen: screen, clinic: state, station: station(state, at: now))
        screen = next
        for effect in effects {
            switch effect {
            case .quit:
                return .quit
            case .cycleTheme:
                theme = themes.theme(after: theme.name)
                logger.info("theme \(theme.name)")
            case .signIn(let user, let pin, let resume):
                let outcome = access.signIn(user: user, pin: pin, at: runtime.clock.now())
                if finishSignIn(outcome, user: user, screen: &screen, resume: resume, state: state) == .quit { return .quit }
            case .unlock(let user, let pin, let resume):
                let outcome = access.unlock(pin: pin, at: runtime.clock.now())
                if finishSignIn(outcome, user: user, screen: &screen, resume: resume, state: state) == .quit { return .quit }
            case .signOut:
                let events = access.signOut(at: now)
                runtime.bus.publish(contentsOf: events)
                screen.message = events.isEmpty ? "Nobody is signed in" : "Signed out"
            case .submitOrder(let payload):
                let pump = payload.chair.flatMap { state[chair: $0]?.devices[.pump] }
                runtime.submitDoseOrder(payload, pump: pump)
            case .recordEntry(let payload):
                runtime.recordEntry(payload)
                screen.message = "Recorded"
            case .admit(let start):
                runtime.admit(start)
                screen.message = "Admitted \(start.patient.shortLabel): press p to start the infusion (physician)"
            case .signOff(let chair, let session, let user, let pin):
                signOff(chair: chair, session: session, user: user, pin: pin, screen: &screen, state: state)
            case .amend(let session, let text, let user, let pin):
                let signer: OperatorIdentity
                switch physicianSigner(user: user, pin: pin, at: now, toDo: "amend a signed session") {
                case .success(let identity): signer = identity
                case .failure(let why):
                    screen.message = "Not amended: \(why.message)"
                    continue
                }
                switch runtime.amend(session: session, text: text, signer: signer) {
                case .success: screen.message = "Amendment to \(session) recorded and signed by \(signer.printedName)"
                case .failure(let refusal): screen.message = "Not amended: \(refusal.message)"
                }
            case .acknowledgeAlarms, .pauseAudio, .switchAlarm:
                if let action = OperatorActions.payload(for: effect, operator: actorName(at: now), state: state, now: now) {
                    runtime.submitOperatorAction(action)
                }
            }
        }
        return .handled
    }

    /// Publishes a sign-in's events; on failure reopens the box with the reason, on
    /// success replays the key that asked for it.
    private func finishSignIn(
        _ outcome: AccessOutcome, user: UserID, screen: inout ScreenState, resume: Key?, state: ClinicState
    ) -> KeyResult {
        runtime.bus.publish(contentsOf: outcome.events)
        if let refusal = outcome.refusal {
            var dialog = SignInDialog.opening(
                for: access.status(at: runtime.clock.now()), notice: refusal.message, resume: resume)
            if dialog.lockedUser == nil { dialog = SignInDialog(user: user.rawValue, notice: refusal.message, resume: resume) }
            screen.overlay = .signIn(dialog)
            return .handled
        }
        if case .active(let identity) = access.status(at: runtime.clock.now()) {
            screen.message = "Signed in: \(identity.printedName) (\(identity.role.title))"
        }
        guard let resume else { return .handled }
        return handle(resume, screen: &screen, state: state)
    }

    /// Sign-off: the ID and PIN again (a physician), the checklist once more, then the
    /// signature bound to the hash of the session record as the model holds it now.
    private func signOff(
        chair: ChairID, session: SessionID, user: UserID, pin: String, screen: inout ScreenState, state: ClinicState
    ) {
        let now = runtime.clock.now()
        let signer: OperatorIdentity
        switch physicianSigner(user: user, pin: pin, at: now, toDo: "sign a session off") {
        case .success(let identity): signer = identity
        case .failure(let why):
            screen.message = "Not signed: \(why.message)"
            return
        }
        guard let checklist = DischargeGate.evaluate(
            chair: chair, in: state, rules: runtime.configuration.signOff, at: now, freshness: runtime.configuration.freshness),
            checklist.isComplete, checklist.session == session
        else {
            screen.message = "Not signed: the discharge checklist is no longer complete (d shows it)"
            return
        }
        do {
            guard let signature = try SessionRecordHasher.makeSignature(for: session, in: state, signer: signer, at: now) else {
                screen.message = "Not signed: session \(session) is not open"
                return
            }
            runtime.signOff(signature)
            screen.message = "Signed off by \(signer.printedName); \(state[chair: chair]?.label ?? chair.rawValue) is free"
        } catch {
            screen.message = "Not signed: \(error.reason)"
        }
    }

    /// Why a signature was not taken.
    private struct SignerRefusal: Error { var message: String }

    /// ID and PIN checked again for a signature (a failed PIN counts toward the lockout):
    /// the physician who signs, or why not (`toDo` names the act in the message).
    private func physicianSigner(
        user: UserID, pin: String, at now: Date, toDo: String
    ) -> Result<OperatorIdentity, SignerRefusal> {
        let outcome = access.signIn(user: user, pin: pin, at: now)
        runtime.bus.publish(contentsOf: outcome.events)
        guard outcome.isAccepted, case .active(let signer) = access.status(at: now) else {
            return .failure(SignerRefusal(message: outcome.refusal?.message ?? "sign in again"))
        }
        guard signer.role == .physician else { return .failure(SignerRefusal(message: "only a physician may \(toDo)")) }
        return .success(signer)
    }

    /// Who alarm actions are recorded against: the signed-in clinician, else the station login.
    private func actorName(at now: Date) -> String {
        if case .active(let identity) = access.status(at: now) { return identity.user.rawValue }
        return stationName
    }

    /// What the dose dialogs need now. Only simulated pumps take commands from the station.
    private func station(_ state: ClinicState, at now: Date) -> StationContext {
        let commandable = state.chairs.filter { chair in
            chair.devices[.pump].flatMap { state.devices[$0]?.isSimulated } == true
        }
        return StationContext(
            now: now, library: runtime.configuration.doseControl.library, access: access,
            confirmationTimeout: runtime.configuration.doseControl.confirmationTimeout,
            commandableChairs: Set(commandable.map(\.id)), timeZone: .local,
            signOffRules: runtime.configuration.signOff, admissionRules: runtime.configuration.admission,
            freshness: runtime.configuration.freshness)
    }

    /// Whether an alarm flashes now (the plan then steps four times a second).
    private func isAnimating(_ state: ClinicState, at now: Date) -> Bool {
        let context = RenderContext(now: now, flashing: runtime.configuration.alarms.flashing)
        return AlarmStyle.isAnimating(state, context: context)
    }
}
