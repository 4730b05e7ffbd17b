import Foundation
import InfusionCore
import Logging

/// Plays a priority's sound: the terminal bell (through the closure the UI gives) and the
/// clinic's configured command for that priority, started without a shell and never waited for.
struct AlarmSoundPlayer {
    let settings: SoundSettings
    let ringBell: () -> Void
    let logger: Logger

    func play(_ priority: AlarmPriority) {
        if settings.bell {
            let rings = priority == .high ? 3 : 1
            for _ in 0..<rings { ringBell() }
        }
        guard let command = settings.commands[priority], let program = command.first else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(command.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            logger.error("alarm sound command failed", metadata: ["command": "\(command)", "error": "\(error)"])
        }
    }
}
