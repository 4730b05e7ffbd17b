public import InfusionCore

/// A session that was open when the station stopped (a crash, `kill -9`, a restart),
/// recovered from the journal, for the simulator to continue with the same devices.
///
/// Why: real monitors and pumps go on while the station is down; after a restart the
/// station finds them where they are. The simulated ones must do the same, or the resumed
/// sessions on the board would never move again. The journal knows what the station saw:
/// the session (patient, weight, order, phase, dose given) and the pump's last report; the
/// simulator rebuilds its devices and the virtual patient from that
/// (`SimulatedClinic.resume(_:)`; `docs/scenarios.md`, approximations in `docs/virtual-patient.md`).
///
/// ```swift
/// let recovered = state.chairs.compactMap(RecoveredSession.init(chair:))
/// clinic.resume(recovered)        // before the first advance
/// ```
public struct RecoveredSession: Hashable, Sendable {
    /// The simulator's own patients have MRNs with this prefix; anyone else was admitted at
    /// the station.
    public static let simulatedMRNPrefix = "SIM"

    /// The session as the model last had it: start, phase and its time, dose and volume given.
    public var session: SessionState
    /// The pump's last report (by device time), if the chair's pump had reported.
    public var pumpReport: PumpReport?
    /// Whether a clinician admitted the patient at the station. Such a session is never moved
    /// on or ended by the simulator (see `SimulatedClinic.admit(_:)`); the simulator's own
    /// sessions continue their automatic cycle to the end.
    public var isAdmittedAtStation: Bool

    public init(session: SessionState, pumpReport: PumpReport?, isAdmittedAtStation: Bool) {
        self.session = session
        self.pumpReport = pumpReport
        self.isAdmittedAtStation = isAdmittedAtStation
    }

    /// The open session of `chair` with its pump's last report; nil when the chair is free or
    /// its session is signed off. A session counts as admitted at the station when it records
    /// who admitted it (`SessionStart.admittedBy`; the demo's own admissions leave it nil) or
    /// its patient's MRN does not start with `simulatedMRNPrefix`.
    public init?(chair: ChairState) {
        guard let session = chair.session, chair.isOccupied else { return nil }
        let start = session.start
        self.init(
            session: session, pumpReport: chair.pump?.lastReport,
            isAdmittedAtStation: start.admittedBy != nil || !start.patient.mrn.hasPrefix(Self.simulatedMRNPrefix))
    }

    public var chair: ChairID { session.start.chair }
}
