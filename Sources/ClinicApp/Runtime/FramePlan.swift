import Foundation

/// Decides, each turn of the UI loop, whether to draw and how: render the whole screen
/// anew, or show the last rendered frame at the next step of an alarm's flash.
///
/// A frame's content (values, ages, the clock) is shown to the second, so it is rendered
/// when something changed (an event, a key, a message: `contentChanged`) or a new second
/// of the clock began. In between, an unacknowledged alarm flashes in quarter-second
/// steps; those frames are the last rendered one with its markers restyled
/// (`CellBuffer.resolveFlashing(at:)`), which costs a small fraction of a render: with a
/// high alarm flashing, whole renders fall from about five a second to about two.
struct FramePlan {
    enum Frame: Equatable {
        /// Nothing to draw this turn.
        case none
        /// Render the screen at this instant.
        case content
        /// Resolve the last rendered frame's flash marks at this instant and show it.
        case flashStep
    }

    private var renderedSecond = -Double.infinity
    private var drawnStep = -Double.infinity
    private var hasRendered = false

    /// Steps per second: 4 while an alarm flashes (high ~2 Hz: lit and dark quarters),
    /// else 1 (the clock).
    static func stepsPerSecond(animating: Bool) -> Double { animating ? 4 : 1 }

    /// What to draw at `now` (the app's clock). Call once per turn; it records the frame.
    mutating func next(at now: Date, contentChanged: Bool, animating: Bool) -> Frame {
        let time = now.timeIntervalSince1970
        let second = time.rounded(.down)
        let step = (time * Self.stepsPerSecond(animating: animating)).rounded(.down)
        let frame: Frame
        if contentChanged || !hasRendered || second != renderedSecond {
            frame = .content
        } else if step != drawnStep {
            frame = .flashStep
        } else {
            frame = .none
        }
        if frame == .content {
            renderedSecond = second
            hasRendered = true
        }
        if frame != .none { drawnStep = step }
        return frame
    }

    /// Real milliseconds until the next step is due at `now` (at least 10 ms, at most 1 s),
    /// for a clock running `speed` times real time.
    static func millisecondsToNextStep(at now: Date, animating: Bool, speed: Double) -> Int32 {
        let rate = stepsPerSecond(animating: animating)
        let scaled = now.timeIntervalSince1970 * rate
        let fraction = scaled - scaled.rounded(.down)
        let realSeconds = (1 - fraction) / rate / max(speed, 0.001)
        return Int32(max(10, min(1000, (realSeconds * 1000).rounded(.up))))
    }
}
