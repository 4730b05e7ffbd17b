import Foundation

extension PCDReportReader {
    /// Collects the PCD-04 alert: the event row (an `MDC_EVT_…` code) and its facets,
    /// read by code or, when the code is 0, by reference id. Priority and type may also
    /// come as OBX-8 flags of the event row (the older form).
    func readAlert(_ observations: [DeviceObservation], message: HL7Message) throws(HL7Error) -> DeviceAlert {
        let facets: Set<Int> = [MDC.alertSource, MDC.alertPhase, MDC.alertState, MDC.alertInactivationState, MDC.alertPriority, MDC.alertType]
        guard let event = observations.first(where: { !facets.contains($0.code) && ($0.referenceID.hasPrefix("MDC_EVT_") || $0.code == MDC.eventAlarm) })
        else {
            let location = message.firstSegment(named: "OBX").map { $0.location(3) }
            throw .content(.requiredFieldMissing, at: location, "PCD-04 message has no alert event (MDC_EVT_…) row")
        }
        var alert = DeviceAlert(
            eventCode: event.code, eventName: event.referenceID, text: event.value.word,
            source: nil, phase: nil, state: nil, inactivationState: nil, priority: nil, type: nil,
            occurredAt: event.observedAt)
        for observation in observations {
            let word = observation.value.word
            switch observation.code {
            case MDC.alertSource: alert.source = alert.source ?? word
            case MDC.alertPhase: alert.phase = alert.phase ?? word
            case MDC.alertState: alert.state = alert.state ?? word
            case MDC.alertInactivationState: alert.inactivationState = alert.inactivationState ?? word
            case MDC.alertPriority: alert.priority = alert.priority ?? word.flatMap(AlertPriority.init(rawValue:))
            case MDC.alertType: alert.type = alert.type ?? word.flatMap(AlertType.init(rawValue:))
            default: break
            }
        }
        for flag in event.flags {
            alert.priority = alert.priority ?? AlertPriority(rawValue: flag)
            alert.type = alert.type ?? AlertType(rawValue: flag)
        }
        return alert
    }
}
