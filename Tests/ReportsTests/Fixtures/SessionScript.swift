import Foundation
import InfusionCore
import Journal

/// Events in journal order with their receipt times, reduced as they are added so that a
/// signature can be bound to the record exactly as the station would bind it.
struct SessionScript {
    struct Entry {
        var time: Date
        var payload: ClinicEventPayload
    }

    private(set) var entries: [Entry] = []
    private(set) var state = ClinicState()

    /// 2025-03-14T08:00:00Z, the script's zero.
    static let origin = Date(timeIntervalSince1970: 1_741_939_200)

    /// The time `minutes` after the origin.
    static func at(_ minutes: Double) -> Date { origin.addingTimeInterval(minutes * 60) }

    mutating func add(_ minutes: Double, _ payload: ClinicEventPayload) {
        let time = Self.at(minutes)
        entries.append(Entry(time: time, payload: payload))
        ClinicReducer.reduce(&state, ClinicEvent(sequence: UInt64(entries.count), receivedAt: time, payload: payload))
    }

    /// Signs the open session `session` as the station does: bound to the record through
    /// the last event added.
    mutating func sign(_ minutes: Double, session: SessionID, by signer: OperatorIdentity) throws {
        guard let signature = try SessionRecordHasher.makeSignature(for: session, in: state, signer: signer, at: Self.at(minutes)) else {
            throw ScriptError.sessionNotOpen
        }
        add(minutes, .sessionSigned(signature))
    }

    enum ScriptError: Error { case sessionNotOpen }
}
