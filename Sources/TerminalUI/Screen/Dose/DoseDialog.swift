import Foundation
public import InfusionCore

/// The dose-change dialog of one chair: `+`/`-`, `r` (new rate), `p` (pause/resume),
/// `x` (stop) and `w` (weight).
///
/// Every path ends in a confirmation showing the preview the validators computed (old →
/// new in mg/kg/h and mL/h, fold change, concentration and weight, predicted end and total).
/// A change beyond the drug's factor must be typed again; past a soft limit a second
/// confirmation asks for a reason; a hard limit refuses with the limit shown and no way
/// round it. `Enter` re-checks against the model as it is at that moment, so a pump that
/// changed meanwhile, a lock or a pending command refuses instead of confirming.
public struct DoseDialog: Hashable, Sendable {
    /// What the operator asked for (the validators' intents).
    public enum Request: Hashable, Sendable {
        case rate(RateChangeIntent)
        case control(InfusionControlIntent)
        case weight(WeightChangeIntent)
    }

    /// What the confirmation shows.
    public enum Preview: Hashable, Sendable {
        case rate(RateChangePreview)
        case control(InfusionControlPreview)
        case weight(WeightChangePreview)
    }

    public enum Step: Hashable, Sendable {
        /// Typing a new rate in mg/kg/h (`current` is the pump's, shown beside it with a live mL/h preview).
        case typingRate(current: MilligramsPerKilogramPerHour, text: String)
        /// Typing a weight in kg.
        case typingWeight(text: String)
        /// Typing the date the weight was measured (`YYYY-MM-DD`, today's date prefilled).
        case typingWeightDate(weight: Kilograms, text: String)
        /// The preview; `Enter` confirms, or, past a soft limit (`softLimit`), asks for the reason.
        case review(Preview, softLimit: String?)
        /// A change beyond the drug's factor: the new value must be typed again.
        case reentry(Preview, prompt: String, text: String)
        /// Second confirmation past a soft limit: the reason (a preset by number, or typed).
        case reason(Preview, limit: String, text: String)
        /// Refused (a hard limit, the role, the pump's state): any key closes; nothing changed.
        case refused(String)
    }

    /// Reasons picked by number at the soft-limit step.
    public static let presetReasons = [
        "inadequate response at current rate", "per written physician order", "tolerating well, protocol allows",
    ]
    /// The longest reason or value accepted from the keyboard.
    public static let maximumTextLength = 60

    public var chair: ChairID
    public var request: Request?
    public var step: Step
    /// A problem with what was just typed (`Type a leading zero`), cleared by the next key.
    public var notice: String?

    public init(chair: ChairID, request: Request? = nil, step: Step) {
        self.chair = chair
        self.request = request
        self.step = step
    }

    /// Whether the dialog is taking text (then printable keys are text, not commands).
    public var isTakingText: Bool {
        switch step {
        case .typingRate, .typingWeight, .typingWeightDate, .reentry, .reason: true
        case .review, .refused: false
        }
    }

    /// The check of `request` turned into the dialog's next step.
    static func step(
        after request: Request, clinic: ClinicState, station: StationContext
    ) -> Step {
        switch request {
        case .rate(let intent):
            return step(RateChangeValidator.check(
                intent, state: clinic, library: station.library, access: station.access, at: station.now), wrap: Preview.rate)
        case .control(let intent):
            return step(InfusionControlValidator.check(
                intent, state: clinic, library: station.library, access: station.access, at: station.now),
                wrap: Preview.control)
        case .weight(let intent):
            return step(WeightChangeValidator.check(
                intent, state: clinic, library: station.library, access: station.access, at: station.now),
                wrap: Preview.weight)
        }
    }

    private static func step<P>(_ check: DoseCheck<P>, wrap: (P) -> Preview) -> Step {
        switch check {
        case .refused(let refusal): .refused(refusal.message)
        case .needs(.reentry, let preview): .reentry(wrap(preview), prompt: ConfirmationStep.reentryPrompt(check), text: "")
        case .needs(.reason(let limit), let preview): .review(wrap(preview), softLimit: limit)
        case .ready(let preview): .review(wrap(preview), softLimit: nil)
        }
    }
}

extension ConfirmationStep {
    /// The re-entry prompt of a check that needs one.
    static func reentryPrompt<P>(_ check: DoseCheck<P>) -> String {
        if case .needs(let step, _) = check { return step.prompt }
        return ""
    }
}

extension DoseDialog.Preview {
    /// The event that records the confirmed change (journaled durably, then sent to the pump).
    func makeOrder(at now: Date, confirmationTimeout: TimeInterval) -> ClinicEventPayload {
        switch self {
        case .rate(let preview): preview.makeOrder(at: now, confirmationTimeout: confirmationTimeout)
        case .control(let preview): preview.makeOrder(at: now, confirmationTimeout: confirmationTimeout)
        case .weight(let preview): preview.makeOrder(at: now, confirmationTimeout: confirmationTimeout)
        }
    }
}
