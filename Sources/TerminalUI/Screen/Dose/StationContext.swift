public import Foundation
public import InfusionCore

/// What the dose and sign-in dialogs need besides the model, read at every key.
///
/// The controller stays pure: the app passes the drug library, the sign-in state and the
/// time in, and runs the effects that come out (a sign-in, a durable order). Checks are
/// made again at the moment `Enter` confirms, against the model as it is then.
public struct StationContext: Sendable {
    /// The instant of the key press (the app's injected clock).
    public var now: Date
    public var library: DrugLibrary
    /// Who is signed in, and whether actions are locked.
    public var access: Authenticator
    /// Seconds a pump has to confirm a command before the "not confirmed" alarm.
    public var confirmationTimeout: TimeInterval
    /// Chairs whose pump takes commands from the station. Pumps reached over HL7 only
    /// report (there is no PCD-03 command path), so their rate is changed at the pump.
    public var commandableChairs: Set<ChairID>
    /// The zone dates are typed in (a weight's measurement date).
    public var timeZone: DisplayZone
    /// Observation minimum, ±20 % vitals, Aldrete minimum, CADSS times.
    public var signOffRules: SignOffRules
    /// The baseline blood pressure above which admission needs a reason.
    public var admissionRules: AdmissionRules
    /// When readings expire (the discharge checklist compares only current vitals).
    public var freshness: FreshnessPolicy

    public init(
        now: Date, library: DrugLibrary, access: Authenticator, confirmationTimeout: TimeInterval = 10,
        commandableChairs: Set<ChairID>, timeZone: DisplayZone = .local, signOffRules: SignOffRules = SignOffRules(),
        admissionRules: AdmissionRules = AdmissionRules(), freshness: FreshnessPolicy = FreshnessPolicy()
    ) {
        self.signOffRules = signOffRules
        self.admissionRules = admissionRules
        self.freshness = freshness
        self.now = now
        self.library = library
        self.access = access
        self.confirmationTimeout = confirmationTimeout
        self.commandableChairs = commandableChairs
        self.timeZone = timeZone
    }
}
