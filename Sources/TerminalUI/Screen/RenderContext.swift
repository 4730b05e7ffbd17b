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
    /// The zone wall-clock times are shown in (`TimeZone.current` in the app, UTC in tests).
    public var timeZone: TimeZone

    public init(
        now: Date, glyphs: GlyphSet = .unicode, freshness: FreshnessPolicy = FreshnessPolicy(),
        timeZone: TimeZone = .current
    ) {
        self.now = now
        self.glyphs = glyphs
        self.freshness = freshness
        self.timeZone = timeZone
    }

    /// `HH:MM:SS` of `date` in this context's time zone.
    public func timeOfDay(_ date: Date) -> String { TimeOfDay.text(date, in: timeZone) }
}
