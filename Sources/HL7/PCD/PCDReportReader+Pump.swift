import Foundation
import InfusionCore

extension PCDReportReader {
    /// Collects the PCD-10 content. Statuses are recognised by their value words
    /// (`pump-delivery-status-…`, `pump-status-…`, `pump-stopped-…`,
    /// `pump-program-delivery-mode-…`) whatever row carries them, because IHE still sends
    /// several of those rows with code 0.
    func readPump(_ observations: [DeviceObservation], message: HL7Message, fallbackTime: Date?) throws(HL7Error) -> PumpEventReport {
        var pump = PumpEventReport()
        var eventTime: Date?
        var rateTime: Date?
        for observation in observations {
            let location = HL7ErrorLocation(segment: "OBX", sequence: observation.segmentSequence, field: 5)
            if observation.referenceID == MDC.eventConditionName || observation.code == MDC.eventDeliveryStart
                || observation.code == MDC.eventDeliveryComplete
            {
                if pump.event == nil, let event = deliveryEvent(observation) {
                    pump.event = event
                    eventTime = observation.observedAt
                }
                continue
            }
            if let word = observation.value.word, observation.unavailabilityReason == nil {
                if word.hasPrefix("pump-delivery-status-") { pump.deliveryStatus = pump.deliveryStatus ?? word }
                else if word.hasPrefix("pump-status-") { pump.infusingStatus = pump.infusingStatus ?? word }
                else if word.hasPrefix("pump-stopped-") { pump.stopReason = pump.stopReason ?? word }
                else if word.hasPrefix("pump-program-delivery-mode-") { pump.deliveryMode = pump.deliveryMode ?? word }
            }
            guard observation.unavailabilityReason == nil else { continue }
            switch observation.code {
            case MDC.pumpRate where pump.rate == nil:
                pump.rate = MillilitersPerHour(try number(observation, [.millilitersPerHour], at: location))
                rateTime = observation.observedAt
            case MDC.doseRate where pump.doseRate == nil:
                let value = try number(observation, [.milligramsPerKilogramPerHour, .milligramsPerHour, .microgramsPerKilogramPerMinute], at: location)
                switch observation.unit {
                case .milligramsPerHour: pump.doseRate = .milligramsPerHour(MilligramsPerHour(value))
                case .microgramsPerKilogramPerMinute: pump.doseRate = .microgramsPerKilogramPerMinute(value)
                default: pump.doseRate = .milligramsPerKilogramPerHour(MilligramsPerKilogramPerHour(value))
                }
            case MDC.volumeDelivered where pump.volumeDelivered == nil:
                pump.volumeDelivered = Milliliters(try number(observation, [.milliliters], at: location))
            case MDC.volumeToBeInfused where pump.volumeToBeInfused == nil:
                pump.volumeToBeInfused = Milliliters(try number(observation, [.milliliters], at: location))
            case MDC.volumeRemaining where pump.volumeRemaining == nil:
                pump.volumeRemaining = Milliliters(try number(observation, [.milliliters], at: location))
            case MDC.timeRemaining where pump.timeRemaining == nil:
                let value = try number(observation, [.minutes, .hours], at: location)
                pump.timeRemaining = value * (observation.unit == .hours ? 3600 : 60)
            case MDC.drugConcentration where pump.concentration == nil:
                pump.concentration = MilligramsPerMilliliter(try number(observation, [.milligramsPerMilliliter], at: location))
            case MDC.patientWeight where pump.patientWeight == nil:
                pump.patientWeight = Kilograms(try number(observation, [.kilograms], at: location))
            case MDC.drugName where pump.drugName == nil:
                pump.drugName = observation.value.word
            default:
                break
            }
        }
        pump.reportedAt = eventTime ?? rateTime ?? fallbackTime
        return pump
    }

    /// The event of an `MDC_ATTR_EVT_COND` row: by name when the name is a delivery
    /// event (IHE sends `DELIV_STOP` as code 0), else by code.
    private func deliveryEvent(_ observation: DeviceObservation) -> PumpDeliveryEvent? {
        var code = 0
        var name = ""
        switch observation.value {
        case .coded(let valueCode, let text):
            code = Int(valueCode) ?? 0
            name = text
        case .text(let text): name = text
        case .numeric, .none: break
        }
        if observation.referenceID != MDC.eventConditionName {
            code = observation.code
            name = observation.referenceID
        }
        switch name {
        case "MDC_EVT_PUMP_DELIV_START": return .deliveryStarted
        case MDC.deliveryStopName: return .deliveryStopped
        case "MDC_EVT_PUMP_DELIV_COMP": return .deliveryCompleted
        default: break
        }
        switch code {
        case MDC.eventDeliveryStart: return .deliveryStarted
        case MDC.eventDeliveryComplete: return .deliveryCompleted
        default: return name.isEmpty ? nil : .other(name)
        }
    }

    /// A numeric value whose unit is one of `units` (an empty OBX-6 means the first).
    func number(_ observation: DeviceObservation, _ units: [MeasurementUnit], at location: HL7ErrorLocation) throws(HL7Error) -> Double {
        guard let value = observation.value.number else {
            throw .content(.dataType, at: location, "\(observation.referenceID) must be a number (OBX-2 NM)")
        }
        if let unit = observation.unit, !units.contains(where: { $0.isCompatible(with: unit) }) {
            var unitLocation = location
            unitLocation.field = 6
            throw .content(.dataType, at: unitLocation, "\(observation.referenceID) has an unexpected unit")
        }
        return value
    }
}
