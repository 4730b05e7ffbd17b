public import InfusionCore

/// Turns a key into the next `ScreenState` and the effects for the app to run.
///
/// Pure: no terminal, no clock, no I/O. The key table is `KeyMap`, so the handler,
/// the help overlay and the footer always agree.
public struct ScreenController: Sendable {
    public var keyMap: KeyMap

    public init(keyMap: KeyMap = .standard) { self.keyMap = keyMap }

    /// The screen after `key`, and what the app must do (quit, cycle the theme, record an action).
    ///
    /// `station` carries what dose control needs (drug library, sign-in, time); without it
    /// the dose keys only say that dose control is not available.
    public func handle(
        key: Key, screen: ScreenState, clinic: ClinicState, station: StationContext? = nil
    ) -> (ScreenState, [ScreenEffect]) {
        var next = screen
        next.message = nil
        if key == .resize { return (next, []) }
        if screen.overlay == .quitConfirmation {
            switch keyMap.binding(for: key, in: .quitConfirmation)?.command {
            case .confirm: return (next, [.quit])
            case .decline: next.overlay = nil
            default: break
            }
            return (next, [])
        }
        if case .alarmList(let cursor) = screen.overlay { return handleAlarmList(key, cursor: cursor, screen: next, clinic: clinic) }
        if case .alarmOff(let dialog) = screen.overlay {
            let disabled = Set(clinic[chair: dialog.chair].map { Array($0.alarms.disabled.keys) } ?? [])
            switch dialog.handle(key, command: keyMap.binding(for: key, in: .alarmOffDialog)?.command, disabled: disabled) {
            case .open(let updated): next.overlay = .alarmOff(updated)
            case .cancelled: next.overlay = nil
            case .confirmed(let effect):
                next.overlay = nil
                return (next, [effect])
            }
            return (next, [])
        }
        if case .signIn(let dialog) = screen.overlay {
            switch dialog.handle(key, command: keyMap.binding(for: key, in: .signInDialog)?.command) {
            case .open(let updated): next.overlay = .signIn(updated)
            case .cancelled: next.overlay = nil
            case .submitted(let effect):
                next.overlay = nil
                return (next, [effect])
            }
            return (next, [])
        }
        if case .dose(let dialog) = screen.overlay {
            guard let station else {
                next.overlay = nil
                return (next, [])
            }
            let command = keyMap.binding(for: key, in: .doseDialog)?.command
            switch dialog.handle(key, command: command, clinic: clinic, station: station) {
            case .open(let updated): next.overlay = .dose(updated)
            case .cancelled: next.overlay = nil
            case .submitted(let effect):
                next.overlay = nil
                return (next, [effect])
            }
            return (next, [])
        }
        if case .form(let form) = screen.overlay {
            guard let station else {
                next.overlay = nil
                return (next, [])
            }
            switch form.handle(key, command: keyMap.binding(for: key, in: .formDialog)?.command) {
            case .open(let updated): next.overlay = .form(updated)
            case .cancelled: next.overlay = nil
            case .submitted(let filled):
                switch ClinicForms.submit(filled, clinic: clinic, station: station) {
                case .effects(let effects):
                    next.overlay = nil
                    return (next, effects)
                case .next(let form), .refused(let form):
                    next.overlay = .form(form)
                }
            }
            return (next, [])
        }
        guard let binding = keyMap.binding(for: key, in: .screen) else { return (next, []) }
        var effects: [ScreenEffect] = []
        switch binding.command {
        case .moveUp: move(&next, clinic: clinic, by: -columns(next, clinic: clinic), wrapByColumn: true)
        case .moveDown: move(&next, clinic: clinic, by: columns(next, clinic: clinic), wrapByColumn: true)
        case .moveLeft: move(&next, clinic: clinic, by: -1, wrapByColumn: false)
        case .moveRight: move(&next, clinic: clinic, by: 1, wrapByColumn: false)
        case .selectNumbered:
            if case .character(let character) = key, let number = character.wholeNumberValue {
                select(number - 1, in: &next, clinic: clinic)
            }
        case .openDetail:
            next.overlay = nil
            if let index = next.selection(in: clinic) { next.mode = .detail(clinic.chairs[index].id) }
        case .back:
            if next.overlay != nil {
                next.overlay = nil
            } else {
                next.mode = .board
            }
        case .toggleHelp:
            next.overlay = next.overlay == .help ? nil : .help
        case .cycleTheme:
            effects.append(.cycleTheme)
        case .quit:
            if clinic.activeChairCount > 0 {
                next.overlay = .quitConfirmation
            } else {
                effects.append(.quit)
            }
        case .acknowledgeAlarms:
            if let chair = selectedChair(next, clinic: clinic) {
                if chair.alarms.active.isEmpty {
                    next.message = "\(chair.label) has no active alarm"
                } else {
                    effects.append(.acknowledgeAlarms(chair.id))
                }
            }
        case .pauseAudio:
            effects.append(.pauseAudio)
        case .showAlarmList:
            next.overlay = .alarmList(cursor: 0)
        case .switchAlarm:
            if let chair = selectedChair(next, clinic: clinic) {
                next.overlay = .alarmOff(AlarmOffDialog(chair: chair.id))
            }
        case .stepRateUp, .stepRateDown, .typeRate, .pauseOrResume, .stopInfusion, .changeWeight:
            openDose(binding.command, key: key, screen: &next, clinic: clinic, station: station)
        case .signIn:
            if let station {
                next.overlay = .signIn(SignInDialog.opening(
                    for: station.access.status(at: station.now), notice: nil, resume: nil))
            } else {
                next.message = "Sign-in is not available here"
            }
        case .signOut:
            effects.append(.signOut)
        case .admitPatient, .scoreDissociation, .recordIntervention, .dischargeChecklist, .signOffSession, .amendSession:
            openForm(binding.command, key: key, screen: &next, clinic: clinic, station: station)
        case .confirm, .decline, .deleteBackward:
            break
        }
        return (next, effects)
    }

    /// Opens a session form (or the sign-in box first) for the selected chair.
    private func openForm(
        _ command: ScreenCommand, key: Key, screen: inout ScreenState, clinic: ClinicState, station: StationContext?
    ) {
        guard let station else {
            screen.message = "Sessions cannot be changed here"
            return
        }
        guard let chair = selectedChair(screen, clinic: clinic) else { return }
        guard case .active(let who) = station.access.status(at: station.now) else {
            screen.overlay = .signIn(SignInDialog.opening(
                for: station.access.status(at: station.now), notice: "Sign in first", resume: key))
            return
        }
        if command == .amendSession {
            screen.overlay = .form(who.role == .physician
                ? ClinicForms.amendment(chair.id, signer: who)
                : FormDialog(purpose: .notice(chair.id), title: "amendment",
                             header: ["Only a physician may amend a signed session"], fields: []))
            return
        }
        if command == .admitPatient {
            if chair.isOccupied {
                screen.message = "\(chair.label) is occupied: sign the session off first"
            } else {
                screen.overlay = .form(AdmissionForm.open(chair, clinic: clinic, station: station))
            }
            return
        }
        guard chair.isOccupied else {
            screen.message = "\(chair.label) has no patient (n admits one)"
            return
        }
        switch command {
        case .scoreDissociation: screen.overlay = .form(ClinicForms.dissociation(chair, station: station))
        case .recordIntervention: screen.overlay = .form(ClinicForms.intervention(chair))
        case .dischargeChecklist: screen.overlay = .form(ClinicForms.checklist(chair, clinic: clinic, station: station))
        default:
            guard who.role == .physician else {
                screen.overlay = .form(FormDialog(purpose: .notice(chair.id), title: "sign-off",
                                                  header: ["Only a physician may sign a session off"], fields: []))
                return
            }
            screen.overlay = .form(SignOffForm.open(chair, clinic: clinic, station: station, signer: who))
        }
    }

    /// Opens the dose dialog (or the sign-in box first) for the selected chair.
    private func openDose(
        _ command: ScreenCommand, key: Key, screen: inout ScreenState, clinic: ClinicState, station: StationContext?
    ) {
        guard let station else {
            screen.message = "Dose control is not available here"
            return
        }
        guard let chair = selectedChair(screen, clinic: clinic) else { return }
        switch DoseDialog.open(command, key: key, chair: chair, clinic: clinic, station: station) {
        case .dose(let dialog): screen.overlay = .dose(dialog)
        case .signIn(let dialog): screen.overlay = .signIn(dialog)
        case nil: break
        }
    }

    // MARK: - Alarm list

    /// Keys in the alarm list: arrows move the cursor, Enter selects that alarm's chair and
    /// closes the list, Esc (or `A` again) closes it.
    private func handleAlarmList(_ key: Key, cursor: Int, screen: ScreenState, clinic: ClinicState)
        -> (ScreenState, [ScreenEffect]) {
        var next = screen
        let alarms = clinic.allActiveAlarms
        let clamped = min(max(0, cursor), max(0, alarms.count - 1))
        switch keyMap.binding(for: key, in: .alarmList)?.command {
        case .moveUp: next.overlay = .alarmList(cursor: max(0, clamped - 1))
        case .moveDown: next.overlay = .alarmList(cursor: min(max(0, alarms.count - 1), clamped + 1))
        case .confirm:
            next.overlay = nil
            if alarms.indices.contains(clamped), let index = clinic.chairs.firstIndex(where: { $0.id == alarms[clamped].chair.id }) {
                select(index, in: &next, clinic: clinic)
            }
        case .decline: next.overlay = nil
        default: break
        }
        return (next, [])
    }

    /// The chair the operator is looking at: the detail's chair, or the selected tile's.
    private func selectedChair(_ screen: ScreenState, clinic: ClinicState) -> ChairState? {
        if case .detail(let id) = screen.mode, let chair = clinic[chair: id] { return chair }
        return screen.selection(in: clinic).map { clinic.chairs[$0] }
    }

    // MARK: - Selection

    /// Columns of the board grid at the screen's size (1 when the board cannot be drawn).
    private func columns(_ screen: ScreenState, clinic: ClinicState) -> Int {
        BoardLayout.make(
            width: screen.terminalWidth, height: screen.terminalHeight, chairCount: clinic.chairs.count,
            selected: screen.selectedIndex)?.columns ?? 1
    }

    /// Moves by `step`. Left/right run through all chairs and wrap from last to first;
    /// up/down stay in the column and wrap to its other end.
    private func move(_ screen: inout ScreenState, clinic: ClinicState, by step: Int, wrapByColumn: Bool) {
        guard let current = screen.selection(in: clinic) else { return }
        let count = clinic.chairs.count
        var target = current + step
        if wrapByColumn, target < 0 || target >= count {
            let column = current % abs(step)
            if step > 0 {
                target = column
            } else {
                target = column + ((count - 1 - column) / abs(step)) * abs(step)
            }
        } else {
            target = ((target % count) + count) % count
        }
        select(target, in: &screen, clinic: clinic)
    }

    /// Selects chair `index`; in the detail view the detail follows the selection.
    private func select(_ index: Int, in screen: inout ScreenState, clinic: ClinicState) {
        guard clinic.chairs.indices.contains(index) else {
            screen.message = "No chair \(index + 1): the clinic has \(clinic.chairs.count)"
            return
        }
        screen.selectedIndex = index
        if case .detail = screen.mode { screen.mode = .detail(clinic.chairs[index].id) }
    }
}
