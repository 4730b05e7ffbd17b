import Foundation
import EventBus
import HL7
import InfusionCore
import Logging
import Synchronization

/// The listener's one shared pipeline behind every connection: receive a frame, decide
/// what to publish, answer with a framed ACK. No networking here, so it is tested directly.
///
/// One `HL7Receiver` serves all connections (it holds the duplicate memory), guarded by
/// a mutex; events are published while holding it so the bus order is the order in which
/// messages were accepted. A refused message publishes only its audit record
/// (`.deviceMessageRejected`), plus the alarm for a patient mismatch.
final class HL7Ingest: Sendable {
    /// What one frame came to.
    struct Answer: Sendable {
        /// The framed ACK to write back.
        var framedACK: [UInt8]
        var code: HL7AcknowledgmentCode
    }

    private struct State: Sendable {
        var receiver: HL7Receiver
        var links = DeviceLinkTracker()
    }

    private let state: Mutex<State>
    private let devices: [DeviceID: DeviceRegistry.Entry]
    private let bus: EventBus<ClinicEventPayload>
    private let clock: any ClinicClock
    private let currentPatientMRN: @Sendable (ChairID) -> String?
    private let onRejected: @Sendable (HL7Rejection) -> Void
    private let logger: Logger

    init(
        settings: HL7Settings, bus: EventBus<ClinicEventPayload>, clock: any ClinicClock,
        currentPatientMRN: @escaping @Sendable (ChairID) -> String?,
        onRejected: @escaping @Sendable (HL7Rejection) -> Void, logger: Logger = Logger(label: "infusion-central.hl7")
    ) {
        let registry = settings.registry
        state = Mutex(State(receiver: HL7Receiver(registry: registry, maximumMessageSize: settings.frameCap)))
        devices = Dictionary(registry.allDevices.map { ($0.deviceID, $0) }, uniquingKeysWith: { first, _ in first })
        self.bus = bus
        self.clock = clock
        self.currentPatientMRN = currentPatientMRN
        self.onRejected = onRejected
        self.logger = logger
    }

    /// The `.deviceRegistered` events for every registry entry (published at start).
    var registrations: [ClinicEventPayload] {
        devices.values.sorted { $0.eui64 < $1.eui64 }.map { .deviceRegistered(HL7EventMapping.descriptor(for: $0)) }
    }

    /// Handles one complete frame from `connection`.
    func receive(_ frame: [UInt8], connection: UInt64, peer: String) -> Answer {
        let now = clock.now()
        var rejection: HL7Rejection?
        var accepted: PCDMapping?
        let answer = state.withLock { state -> Answer in
            let result = state.receiver.receive(frame, at: now)
            switch result.outcome {
            case .accepted(let mapping):
                var events = linkUp(mapping.device, connection: connection, state: &state, at: now)
                if let error = mismatch(device: mapping.device, patientID: mapping.patientID) {
                    let refused = HL7Rejection(at: now, peer: peer, error: error, raw: frame, chair: mapping.device.chair)
                    events += [HL7EventMapping.patientMismatchAlarm(for: mapping.device, at: now), .deviceMessageRejected(refused.record)]
                    bus.publish(contentsOf: events)
                    rejection = refused
                    return Answer(framedACK: errorACK(error, frame: frame, state: &state, at: now), code: .error)
                }
                events += mapping.payloads
                if let alert = mapping.alert {
                    events += HL7EventMapping.alarmEvents(for: alert, device: mapping.device, at: now)
                }
                bus.publish(contentsOf: events)
                accepted = mapping
                return Answer(framedACK: MLLPFrameEncoder.encode(result.ack), code: .accept)
            case .duplicate:
                // A resend of a message refused for a patient mismatch is refused again.
                if let report = result.report, let eui64 = report.equipmentID,
                    let device = state.receiver.mapper.registry.device(eui64: eui64)
                {
                    let events = linkUp(device, connection: connection, state: &state, at: now)
                    if let error = mismatch(device: device, patientID: report.patientID) {
                        let refused = HL7Rejection(at: now, peer: peer, error: error, raw: frame, chair: device.chair)
                        bus.publish(contentsOf: events + [.deviceMessageRejected(refused.record)])
                        rejection = refused
                        return Answer(framedACK: errorACK(error, frame: frame, state: &state, at: now), code: .error)
                    }
                    bus.publish(contentsOf: events)
                }
                return Answer(framedACK: MLLPFrameEncoder.encode(result.ack), code: .accept)
            case .rejected(let error):
                let chair = result.report?.equipmentID.flatMap { state.receiver.mapper.registry.device(eui64: $0)?.chair }
                let refused = HL7Rejection(at: now, peer: peer, error: error, raw: frame, chair: chair)
                bus.publish(.deviceMessageRejected(refused.record))
                rejection = refused
                return Answer(framedACK: MLLPFrameEncoder.encode(result.ack), code: error.acknowledgment)
            }
        }
        if let rejection { report(rejection) }
        if let accepted, !accepted.notes.isEmpty {
            logger.debug("HL7 message from \(accepted.device.label): \(accepted.notes.joined(separator: "; "))")
        }
        return answer
    }

    /// Handles a frame the decoder refused for its size (AR 207).
    func receiveOversized(header: [UInt8], byteCount: Int, peer: String) -> Answer {
        let now = clock.now()
        let (result, rejection) = state.withLock { state -> (HL7Receiver.Result, HL7Rejection?) in
            let result = state.receiver.receiveOversized(header: header, byteCount: byteCount, at: now)
            guard case .rejected(let error) = result.outcome else { return (result, nil) }
            let refused = HL7Rejection(at: now, peer: peer, error: error, raw: header, byteCount: byteCount)
            bus.publish(.deviceMessageRejected(refused.record))
            return (result, refused)
        }
        guard let rejection else {
            return Answer(framedACK: MLLPFrameEncoder.encode(result.ack), code: .accept)
        }
        report(rejection)
        return Answer(framedACK: MLLPFrameEncoder.encode(result.ack), code: rejection.error.acknowledgment)
    }

    /// A connection closed: the devices only it carried, with the generation to pass to
    /// `expireLink` once the grace period is over.
    func connectionClosed(_ connection: UInt64) -> [(device: DeviceID, generation: UInt64)] {
        state.withLock { $0.links.closed(connection) }
    }

    /// Publishes `.deviceLinkChanged(.lost)` when nothing has carried the device since.
    func expireLink(_ device: DeviceID, generation: UInt64) {
        let now = clock.now()
        state.withLock { state in
            guard state.links.expire(device, generation: generation), let entry = devices[device] else { return }
            bus.publish(.deviceLinkChanged(DeviceLinkChange(chair: entry.chair, device: device, state: .lost, at: now)))
        }
    }

    /// The listener stopped: every device still up is reported lost.
    func expireAllLinks() {
        let now = clock.now()
        state.withLock { state in
            let events: [ClinicEventPayload] = state.links.expireAll().compactMap { device in
                devices[device].map { .deviceLinkChanged(DeviceLinkChange(chair: $0.chair, device: device, state: .lost, at: now)) }
            }
            bus.publish(contentsOf: events)
        }
    }

    // MARK: - Helpers (called under the lock)

    private func linkUp(_ device: DeviceRegistry.Entry, connection: UInt64, state: inout State, at now: Date) -> [ClinicEventPayload] {
        guard state.links.carried(device.deviceID, by: connection) else { return [] }
        return [.deviceLinkChanged(DeviceLinkChange(chair: device.chair, device: device.deviceID, state: .connected, at: now))]
    }

    private func mismatch(device: DeviceRegistry.Entry, patientID: String?) -> HL7Error? {
        let sessionPatient = currentPatientMRN(device.chair)
        guard HL7EventMapping.isPatientMismatch(messagePatient: patientID, sessionPatient: sessionPatient) else { return nil }
        return HL7EventMapping.patientMismatchError(chair: device.chair)
    }

    private func errorACK(_ error: HL7Error, frame: [UInt8], state: inout State, at now: Date) -> [UInt8] {
        let message = try? HL7Message(bytes: frame)
        return MLLPFrameEncoder.encode(state.receiver.acknowledgments.makeACK(for: message, code: error.acknowledgment, error: error, at: now))
    }

    private func report(_ rejection: HL7Rejection) {
        logger.warning(
            "HL7 message rejected: \(rejection.error)",
            metadata: [
                "peer": "\(rejection.peer ?? "?")", "bytes": "\(rejection.byteCount)",
                "raw": "\(rejection.escapedText)",
            ])
        onRejected(rejection)
    }
}
