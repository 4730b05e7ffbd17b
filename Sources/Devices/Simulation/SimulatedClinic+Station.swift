public import InfusionCore

/// The station's side of a simulated clinic: sessions recovered after a restart, patients
/// admitted at the station, and chairs released after sign-off.
///
/// Each acts at the current simulated time (`currentTime`; before the first `advance`, just
/// before the origin) and its events come out of the following `advance`, so the simulation
/// stays a deterministic function of its inputs and their times.
extension SimulatedClinic {
    // MARK: - Recovery after a restart

    /// Continues sessions recovered from the journal, with the same session IDs (no new
    /// `sessionStarted`): for each, a virtual patient of the session's weight and recorded
    /// baseline whose drug levels are rebuilt from the dose given, the monitor attached (an
    /// NIBP at the next step), the pump restored with its volume delivered, rate and status,
    /// and the session's cycle continued from its phase (infusing → completes; observation and
    /// ready → discharge). Sessions admitted at the station stay with the station.
    /// Call it before the first `advance`; the approximations are in `docs/virtual-patient.md`.
    ///
    /// - Returns: the chairs resumed; a session on a chair not simulated here, or signed off,
    ///   is skipped.
    @discardableResult
    public mutating func resume(_ sessions: [RecoveredSession]) -> [ChairID] {
        var resumed: [ChairID] = []
        for recovered in sessions where recovered.session.phase != .signedOff {
            guard let index = chairIndex[recovered.chair] else { continue }
            chairs[index].resume(recovered, at: tick, schedule: schedule)
            resumed.append(recovered.chair)
        }
        return resumed
    }

    /// Continues every open session in `state` (the model rebuilt from the journal); see
    /// `resume(_:)` and `RecoveredSession.init(chair:)`.
    @discardableResult
    public mutating func resume(openSessionsIn state: ClinicState) -> [ChairID] {
        resume(state.chairs.compactMap(RecoveredSession.init(chair:)))
    }

    // MARK: - Admissions at the station

    /// Takes on a patient a clinician admitted at the station (`start` already published).
    ///
    /// The chair's devices follow a new virtual patient of `start.weight`, resting at
    /// `start.baseline` where given (drawn otherwise); the monitor is attached (NIBP at the
    /// next step); the pump is programmed for the order (0.1 mL/h, volume for the planned
    /// dose) but **not started**: it starts on `.resume` from the station (the physician's
    /// start). The simulator publishes no phase change and never ends such a session: pump
    /// reports move it to infusing and complete, the station does the rest and calls
    /// `release(chair:)` after sign-off. An automatic session still on the chair is
    /// superseded (the station's admission replaced it on the board).
    ///
    /// - Returns: false if `start.chair` is not simulated here.
    @discardableResult
    public mutating func admit(_ start: SessionStart) -> Bool {
        guard let index = chairIndex[start.chair] else { return false }
        chairs[index].admitFromStation(start, at: tick)
        return true
    }

    /// Frees a chair whose session the station closed (signed off): at the next step the pump
    /// is reset to idle and the monitor goes to standby (its numbers leave the board). The
    /// demo's own admissions resume there after the turnover, unless the chair is reserved.
    /// The simulator publishes no `sessionEnded` for it.
    ///
    /// - Returns: false if the chair is not simulated here or already free.
    @discardableResult
    public mutating func release(chair: ChairID) -> Bool {
        guard let index = chairIndex[chair] else { return false }
        return chairs[index].release()
    }
}
