public import InfusionCore

/// How the station raises and sounds alarms: the rules (limits, delays, latching) plus the
/// display and sound choices that are not part of the model.
public struct AlarmSettings: Equatable, Sendable {
    public var rules: AlarmRules
    /// Flash high (~2 Hz) and medium (~0.5 Hz) alarms; off for photosensitive rooms (markers remain).
    public var flashing: Bool
    public var sound: SoundSettings

    public init(rules: AlarmRules = AlarmRules(), flashing: Bool = true, sound: SoundSettings = SoundSettings()) {
        self.rules = rules
        self.flashing = flashing
        self.sound = sound
    }
}

/// Alarm sound: the terminal bell in patterns by priority, and optional commands for a real speaker.
public struct SoundSettings: Equatable, Sendable {
    /// Ring the terminal bell (high repeats every second, medium every 5 s, low once).
    public var bell: Bool
    /// A command per priority, run (without a shell) each time that priority sounds.
    public var commands: [AlarmPriority: [String]]

    public init(bell: Bool = true, commands: [AlarmPriority: [String]] = [:]) {
        self.bell = bell
        self.commands = commands
    }

    /// No sound at all (tests, `--no-sound`).
    public static let off = SoundSettings(bell: false)
}
