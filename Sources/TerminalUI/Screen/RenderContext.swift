public import Foundation
public import InfusionCore

/// Everything a frame needs besides the model and the UI state.
///
/// `now` comes from the app's injected clock (never `Date()` in a view), so that a
/// frame is a pure function of `(ClinicState, ScreenState, RenderContext)` and a
/// golden test renders the same screen every time.
public struct RenderContext: Sendable {
    /// The instant the frame shows: ages, elapsed times and freshness are measured to it.
    public var now: Date
    /// Unicode or ASCII characters (ASCII when the locale is not UTF-8).
    public var glyphs: GlyphSet
    /// When values go stale and expire (clinic configuration).
    public var freshness: FreshnessPolicy
    /// The zone wall-clock times are shown in (`.local` in the app, UTC in tests).
    public var timeZone: DisplayZone
    /// Flash unacknowledged high (~2 Hz) and medium (~0.5 Hz) alarms. Clinic configuration
    /// (`[alarms] flashing`): off for photosensitive rooms, when markers and words remain steady.
    public var flashing: Bool
    /// Why the journal cannot record (set by the app while writes fail). The header then
    /// shows a technical `JOURNAL FAILING` alarm: actions taken now may not be recorded.
    public var journalFailure: String?
    /// Who is signed in at the station (the header shows it; nil: no sign-in on this screen).
    public var signedIn: Authenticator.Status?
    /// When CADSS scores are due (the tile's `CADSS` marker).
    public var signOffRules: SignOffRules

    public init(
        now: Date, glyphs: GlyphSet = .unicode, freshness: FreshnessPolicy = FreshnessPolicy(),
        timeZone: DisplayZone = .local, flashing: Bool = true, journalFailure: String? = nil,
        signedIn: Authenticator.Status? = nil, signOffRules: SignOffRules = SignOffRules()
    ) {
        self.signOffRules = signOffRules
        self.signedIn = signedIn
        self.now = now
        self.glyphs = glyphs
        self.freshness = freshness
        self.timeZone = timeZone
        self.flashing = flashing
        self.journalFailure = journalFailure
    }

    /// `HH:MM:SS` of `date` in this context's time zone.
    public func timeOfDay(_ date: Date) -> String { TimeOfDay.text(date, in: timeZone) }
}
