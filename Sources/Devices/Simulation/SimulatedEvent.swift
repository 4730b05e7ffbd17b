public import Foundation
public import InfusionCore

/// An event the simulator produced, with the simulated instant it belongs to.
///
/// The payload is what goes on the bus; `at` is the simulated time of the step that made
/// it (equal to the device time of reports). Tests use it to replay with receipt times as
/// if each event had been published the moment it happened.
public struct SimulatedEvent: Hashable, Sendable {
    public var at: Date
    public var payload: ClinicEventPayload

    public init(at: Date, payload: ClinicEventPayload) {
        self.at = at
        self.payload = payload
    }
}
