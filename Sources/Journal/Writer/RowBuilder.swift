import EventBus
import Foundation
import InfusionCore

/// Turns bus deliveries into chained `event` rows, reducing them into the writer's copy of
/// the state on the way (for the session column and for snapshots).
///
/// Not thread-safe (it owns an encoder and its buffers): one per writer, used under the writer's lock.
final class RowBuilder {
    private let encoder = PayloadCoding.makeCanonicalEncoder()
    /// One payload's JSON; reused for every row (its capacity stays).
    private var json: [UInt8] = []

    /// Rows for `deliveries` (in sequence order) continuing the chain after `tip`; applies
    /// each event to `state`. Leaves `state` half-applied if it throws: pass a copy.
    func rows(
        for deliveries: [Delivery<ClinicEventPayload>], after tip: ChainTip, state: inout ClinicState
    ) throws(JournalError) -> [EventRow] {
        var rows: [EventRow] = []
        rows.reserveCapacity(deliveries.count)
        var previous = tip.hash
        // A local buffer in the loop (moved back at the end): no class property access per byte.
        var json = self.json
        self.json = []
        defer { self.json = json }
        for delivery in deliveries {
            let payload = delivery.message
            json.removeAll(keepingCapacity: true)
            do {
                try encoder.append(payload, to: &json)
            } catch {
                throw JournalError.writeFailed("cannot encode event \(delivery.sequence): \(error)")
            }
            let chair = payload.chair
            let session = payload.namedSession ?? chair.flatMap { state.sessionID(ofChair: $0) }
            let receivedAt = delivery.publishedAt.timeIntervalSinceReferenceDate
            let hash = json.withUnsafeBytes {
                ChainHash.hash(previous: previous, sequence: delivery.sequence, receivedAt: receivedAt, payloadBytes: $0)
            }
            let kind: String
            if case .vitalsObserved = payload { kind = VitalsJSON.kind } else { kind = PayloadKind.name(ofJSON: json) ?? "unknown" }
            rows.append(EventRow(
                sequence: delivery.sequence, receivedAt: receivedAt,
                deviceTime: payload.deviceTime?.timeIntervalSinceReferenceDate,
                chair: chair?.rawValue, session: session?.rawValue, kind: kind,
                payload: String(decoding: json, as: UTF8.self), previousHash: previous, hash: hash))
            previous = hash
            ClinicReducer.reduce(
                &state, ClinicEvent(sequence: delivery.sequence, receivedAt: delivery.publishedAt, payload: payload))
        }
        return rows
    }

}
