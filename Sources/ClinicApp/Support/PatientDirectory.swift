public import InfusionCore
import Synchronization

/// Each chair's current patient MRN, readable from any thread (the HL7 adapter checks
/// every message against it); written by the model's owner after each update.
public final class PatientDirectory: Sendable {
    private let mrns = Mutex<[ChairID: String]>([:])

    public init() {}

    /// Refreshes the directory from the model (cheap: one pass over the chairs).
    public func update(from state: ClinicState) {
        var current: [ChairID: String] = [:]
        for chair in state.chairs {
            if let session = chair.session, chair.isOccupied { current[chair.id] = session.start.patient.mrn }
        }
        mrns.withLock { if $0 != current { $0 = current } }
    }

    /// The MRN of the patient in `chair`, if one is admitted.
    public func mrn(for chair: ChairID) -> String? { mrns.withLock { $0[chair] } }
}
