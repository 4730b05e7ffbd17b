import Foundation
public import InfusionCore

extension DoseDialog {
    /// What a dose key opens: the dose dialog, or the sign-in box when nobody may act yet.
    public enum Opening: Hashable, Sendable {
        case dose(DoseDialog)
        case signIn(SignInDialog)
    }

    /// What a key did inside the dialog.
    public enum Outcome: Hashable, Sendable {
        case open(DoseDialog)
        case cancelled
        /// Confirmed: the order to journal durably and then send to the pump.
        case submitted(ScreenEffect)
    }

    /// The dialog `command` (pressed as `key`) opens for `chair`.
    ///
    /// Access is checked first: signed out or idle-locked opens the sign-in box, which
    /// replays `key` afterwards; a nurse asking for a physician's action is refused here.
    public static func open(
        _ command: ScreenCommand, key: Key, chair: ChairState, clinic: ClinicState, station: StationContext
    ) -> Opening? {
        let status = chair.pump?.lastReport.status
        let action: DoseAction
        switch command {
        case .stepRateUp: action = .increaseRate
        case .stepRateDown, .typeRate: action = .decreaseRate
        case .pauseOrResume: action = status?.isDelivering == false ? .resume : .pause
        case .stopInfusion: action = .stop
        case .changeWeight: action = .changeWeight
        default: return nil
        }
        switch station.access.authorize(action, at: station.now) {
        case .failure(.notSignedIn):
            return .signIn(SignInDialog.opening(
                for: station.access.status(at: station.now), notice: "Sign in to \(action.phrase)", resume: key))
        case .failure(.idleLocked):
            return .signIn(SignInDialog.opening(
                for: station.access.status(at: station.now), notice: "Locked after inactivity: PIN to continue", resume: key))
        case .failure(let refusal):
            return .dose(DoseDialog(chair: chair.id, step: .refused(refusal.message)))
        case .success:
            break
        }
        if action != .changeWeight, !station.commandableChairs.contains(chair.id) {
            return .dose(DoseDialog(chair: chair.id, step: .refused(
                "\(chair.label)'s pump only reports to the station (HL7): change it at the pump")))
        }
        let current = RateChangeValidator.currentRate(of: chair.id, in: clinic, library: station.library, at: station.now)
        let request: Request
        switch command {
        case .stepRateUp, .stepRateDown:
            let direction = command == .stepRateUp ? 1 : -1
            let step = chair.session.flatMap { station.library.entry(named: $0.order.drugName) }?.rateStep
                ?? MilligramsPerKilogramPerHour(0.05)
            guard let current, let intent = RateChangeIntent.step(chair: chair.id, from: current, by: step, direction: direction)
            else {
                let probe = RateChangeIntent(chair: chair.id, oldRate: current ?? .zero, newRate: .zero)
                let refused = Self.step(after: .rate(probe), clinic: clinic, station: station)
                if case .refused = refused { return .dose(DoseDialog(chair: chair.id, step: refused)) }
                return .dose(DoseDialog(chair: chair.id, step: .refused(
                    "A step down would reach 0 mg/kg/h: pause (p) instead")))
            }
            request = .rate(intent)
        case .typeRate:
            guard let current else {
                let probe = RateChangeIntent(chair: chair.id, oldRate: .zero, newRate: MilligramsPerKilogramPerHour(1))
                return .dose(DoseDialog(chair: chair.id, step: Self.step(after: .rate(probe), clinic: clinic, station: station)))
            }
            return .dose(DoseDialog(chair: chair.id, step: .typingRate(current: current, text: "")))
        case .changeWeight:
            guard chair.session != nil, chair.isOccupied else {
                return .dose(DoseDialog(chair: chair.id, step: .refused(DoseRefusal.noSession.message)))
            }
            return .dose(DoseDialog(chair: chair.id, step: .typingWeight(text: "")))
        default:
            let control: InfusionControlAction = command == .stopInfusion ? .stop : (action == .resume ? .resume : .pause)
            request = .control(InfusionControlIntent(chair: chair.id, action: control))
        }
        return .dose(DoseDialog(chair: chair.id, request: request, step: Self.step(after: request, clinic: clinic, station: station)))
    }

    /// The dialog after `key` (read by the key table as `command`).
    public func handle(_ key: Key, command: ScreenCommand?, clinic: ClinicState, station: StationContext) -> Outcome {
        if command == .decline { return .cancelled }
        var next = self
        next.notice = nil
        switch step {
        case .refused:
            return command == .confirm ? .cancelled : .open(next)
        case .review(let preview, let softLimit):
            guard command == .confirm else { return .open(next) }
            if let softLimit {
                next.step = .reason(preview, limit: softLimit, text: "")
                return .open(next)
            }
            return next.confirm(clinic: clinic, station: station)
        case .typingRate(let current, let text):
            if let edited = Self.edit(text, key: key, command: command, allowed: ".0123456789") {
                next.step = .typingRate(current: current, text: edited)
            } else if command == .confirm {
                switch DoseEntry.rate(text) {
                case .failure(let problem): next.notice = problem.message
                case .success(let rate):
                    let request = Request.rate(RateChangeIntent(chair: chair, oldRate: current, newRate: rate))
                    next.request = request
                    next.step = Self.step(after: request, clinic: clinic, station: station)
                }
            }
        case .typingWeight(let text):
            if let edited = Self.edit(text, key: key, command: command, allowed: ".0123456789") {
                next.step = .typingWeight(text: edited)
            } else if command == .confirm {
                switch DoseEntry.weight(text) {
                case .failure(let problem): next.notice = problem.message
                case .success(let weight):
                    next.step = .typingWeightDate(weight: weight, text: Self.dateText(station.now, in: station.timeZone))
                }
            }
        case .typingWeightDate(let weight, let text):
            if let edited = Self.edit(text, key: key, command: command, allowed: "-0123456789") {
                next.step = .typingWeightDate(weight: weight, text: edited)
            } else if command == .confirm {
                guard let measured = FormField.date(text, in: station.timeZone) else {
                    next.notice = "Type the date as YYYY-MM-DD"
                    return .open(next)
                }
                guard let session = clinic[chair: chair]?.session else {
                    next.step = .refused(DoseRefusal.noSession.message)
                    return .open(next)
                }
                let request = Request.weight(WeightChangeIntent(
                    chair: chair, oldWeight: session.weight, newWeight: weight, measuredAt: min(measured, station.now)))
                next.request = request
                next.step = Self.step(after: request, clinic: clinic, station: station)
            }
        case .reentry(let preview, let prompt, let text):
            if let edited = Self.edit(text, key: key, command: command, allowed: ".0123456789") {
                next.step = .reentry(preview, prompt: prompt, text: edited)
            } else if command == .confirm, let request {
                switch DoseEntry.parse(text) {
                case .failure(let problem): next.notice = problem.message
                case .success(let value):
                    let retyped = request.withReentry(value)
                    next.request = retyped
                    next.step = Self.step(after: retyped, clinic: clinic, station: station)
                }
            }
        case .reason(let preview, let limit, let text):
            if command == .confirm, let request {
                let reason = text.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else {
                    next.notice = DoseRefusal.reasonRequired.message
                    return .open(next)
                }
                next.request = request.withReason(reason)
                return next.confirm(clinic: clinic, station: station)
            }
            if text.isEmpty, case .character(let character) = key, let number = character.wholeNumberValue,
                (1...Self.presetReasons.count).contains(number) {
                next.step = .reason(preview, limit: limit, text: Self.presetReasons[number - 1])
            } else if let edited = Self.edit(text, key: key, command: command, allowed: nil) {
                next.step = .reason(preview, limit: limit, text: edited)
            }
        }
        return .open(next)
    }

    /// `Enter` on the final confirmation: check again now; only a `.ready` check becomes an order.
    private func confirm(clinic: ClinicState, station: StationContext) -> Outcome {
        guard let request else { return .cancelled }
        var next = self
        next.step = Self.step(after: request, clinic: clinic, station: station)
        if case .review(let preview, nil) = next.step {
            return .submitted(.submitOrder(preview.makeOrder(at: station.now, confirmationTimeout: station.confirmationTimeout)))
        }
        return .open(next)
    }

    /// `text` after a typing key, or nil when the key is not typing (Enter, arrows).
    /// `allowed` limits the characters (nil: any printable).
    static func edit(_ text: String, key: Key, command: ScreenCommand?, allowed: String?) -> String? {
        if command == .deleteBackward { return String(text.dropLast()) }
        guard command != .confirm, case .character(let character) = key, !character.isNewline else { return nil }
        if let allowed, !allowed.contains(character) { return text }
        guard text.count < maximumTextLength, character.isASCII || allowed == nil else { return text }
        return text + String(character)
    }

    static func dateText(_ date: Date, in zone: DisplayZone) -> String {
        zone.civilDate(of: date).text
    }
}

extension DoseDialog.Request {
    func withReentry(_ value: Double) -> Self {
        switch self {
        case .rate(var intent):
            intent.reentry = MilligramsPerKilogramPerHour(value)
            return .rate(intent)
        case .weight(var intent):
            intent.reentry = Kilograms(value)
            return .weight(intent)
        case .control: return self
        }
    }

    func withReason(_ reason: String) -> Self {
        guard case .rate(var intent) = self else { return self }
        intent.reason = reason
        return .rate(intent)
    }
}
