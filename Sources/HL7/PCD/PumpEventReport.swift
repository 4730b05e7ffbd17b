public import Foundation
public import InfusionCore

/// The content of a PCD-10 pump event (or a pump's PCD-01 status), in typed units.
public struct PumpEventReport: Hashable, Sendable {
    /// The delivery event (`MDC_ATTR_EVT_COND`), nil for a plain status report.
    public var event: PumpDeliveryEvent?
    /// `pump-delivery-status-…` as sent (`pump-delivery-status-transitioning`).
    public var deliveryStatus: String?
    /// `pump-status-…` from `MDC_PUMP_INFUSING_STATUS`.
    public var infusingStatus: String?
    /// `pump-stopped-…` (`pump-stopped-alarming`): why delivery stopped.
    public var stopReason: String?
    /// `pump-program-delivery-mode-…`.
    public var deliveryMode: String?
    /// `MDC_FLOW_FLUID_PUMP` (157784): the programmed rate.
    public var rate: MillilitersPerHour?
    /// `MDC_RATE_DOSE` (157924) with its unit as sent (mg/kg/h, mg/h or µg/kg/min).
    public var doseRate: DoseRate?
    /// `MDC_VOL_FLUID_DELIV_TOTAL` (157993).
    public var volumeDelivered: Milliliters?
    /// `MDC_VOL_FLUID_TBI` (157884).
    public var volumeToBeInfused: Milliliters?
    /// `MDC_VOL_FLUID_TBI_REMAIN` (157872).
    public var volumeRemaining: Milliliters?
    /// `MDC_TIME_PD_REMAIN` (157916), in seconds.
    public var timeRemaining: TimeInterval?
    /// `MDC_DRUG_NAME_LABEL` (184514).
    public var drugName: String?
    /// `MDC_CONC_DRUG` (157760).
    public var concentration: MilligramsPerMilliliter?
    /// `MDC_ATTR_PT_WEIGHT` (68063), as the pump was programmed.
    public var patientWeight: Kilograms?
    /// The time of the event row (its OBX-14 or inherited), else of the rate row.
    public var reportedAt: Date?

    public init() {}

    /// Whether any status word says keep-vein-open.
    public var isKVO: Bool {
        [deliveryStatus, infusingStatus, deliveryMode].contains { $0.map { containsWord("kvo", in: $0) } == true }
    }
}

/// IHE IPEC delivery events.
public enum PumpDeliveryEvent: Hashable, Sendable {
    case deliveryStarted
    case deliveryStopped
    case deliveryCompleted
    /// Any other event, by reference id.
    case other(String)
}

/// A dose rate in the unit the pump sent.
public enum DoseRate: Hashable, Sendable {
    case milligramsPerKilogramPerHour(MilligramsPerKilogramPerHour)
    case milligramsPerHour(MilligramsPerHour)
    case microgramsPerKilogramPerMinute(Double)
}

/// Whether `text` contains the ASCII `word`, ignoring case (no Foundation on the hot path).
func containsWord(_ word: String, in text: String) -> Bool {
    let needle = Array(word.lowercased().utf8)
    let haystack = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
}
