public import Foundation

/// Everything that can change the clinic's state. Nothing else changes the model.
///
/// Adding a case is how a later capability (dose commands, alarms, sign-off) enters
/// the model; the journal stores payloads as their `Codable` form, so existing cases
/// never change shape.
public enum ClinicEventPayload: Hashable, Codable, Sendable {
    case clinicNamed(String)
    case chairConfigured(ChairDescriptor)
    case deviceRegistered(DeviceDescriptor)
    case vitalsObserved(VitalsObservation)
    case vitalsUnavailable(VitalsUnavailable)
    case pumpReported(PumpReport)
    case deviceLinkChanged(DeviceLinkChange)
    case sessionStarted(SessionStart)
    case sessionPhaseChanged(SessionPhaseChange)
    case sessionEnded(SessionEnd)
    case concentrationsEstimated(ConcentrationEstimate)
    case alarmRulesConfigured(AlarmRules)
    case alarmRaised(AlarmRaised)
    case alarmConditionEnded(AlarmConditionEnded)
    case alarmsAcknowledged(AlarmAcknowledgement)
    case alarmAudioPaused(AudioPause)
    case alarmSwitched(AlarmSwitch)
    case sessionResumed(SessionResumed)
    case rateChangeOrdered(RateChangeOrder)
    case infusionControlOrdered(InfusionControlOrder)
    case weightChanged(WeightChange)
    case operatorSignedIn(OperatorSignIn)
    case signInFailed(SignInFailure)
    case operatorLocked(OperatorLock)
    case operatorUnlocked(OperatorUnlock)
    case operatorSignedOut(OperatorSignOut)
    case deviceMessageRejected(DeviceMessageRejection)
    case dissociationScored(DissociationScoring)
    case interventionRecorded(InterventionRecord)
    case dischargeItemRecorded(DischargeItemRecord)
    case sessionSigned(SessionSignature)
    case sessionAmended(SessionAmendment)

    /// The chair the event belongs to, if any (for filing and the journal's index).
    public var chair: ChairID? {
        switch self {
        case .clinicNamed: nil
        case .chairConfigured(let chair): chair.id
        case .deviceRegistered(let device): device.chair
        case .vitalsObserved(let observation): observation.chair
        case .vitalsUnavailable(let unavailable): unavailable.chair
        case .pumpReported(let report): report.chair
        case .deviceLinkChanged(let change): change.chair
        case .sessionStarted(let start): start.chair
        case .sessionPhaseChanged(let change): change.chair
        case .sessionEnded(let end): end.chair
        case .concentrationsEstimated(let estimate): estimate.chair
        case .alarmRulesConfigured, .alarmAudioPaused: nil
        case .alarmRaised(let raised): raised.chair
        case .alarmConditionEnded(let ended): ended.chair
        case .alarmsAcknowledged(let acknowledgement): acknowledgement.chair
        case .alarmSwitched(let change): change.chair
        case .sessionResumed(let resumed): resumed.chair
        case .rateChangeOrdered(let order): order.chair
        case .infusionControlOrdered(let order): order.chair
        case .weightChanged(let change): change.chair
        case .operatorSignedIn, .signInFailed, .operatorLocked, .operatorUnlocked, .operatorSignedOut: nil
        case .deviceMessageRejected(let rejection): rejection.chair
        case .dissociationScored(let scoring): scoring.chair
        case .interventionRecorded(let record): record.chair
        case .dischargeItemRecorded(let record): record.chair
        case .sessionSigned(let signature): signature.chair
        case .sessionAmended(let amendment): amendment.chair
        }
    }

    /// Events that may be replaced by a newer one with the same key when a consumer
    /// falls behind: periodic vitals (the latest per chair and device is what matters)
    /// and model estimates. Episodic NIBP, pump, session and link events return nil:
    /// they are never dropped.
    public var coalescingKey: CoalescingKey? {
        switch self {
        case .vitalsObserved(let observation):
            if observation.samples.contains(where: { $0.kind.isEpisodic }) { return nil }
            return CoalescingKey(chair: observation.chair, device: observation.device, topic: .vitals)
        case .concentrationsEstimated(let estimate):
            return CoalescingKey(chair: estimate.chair, device: nil, topic: .concentrations)
        default:
            return nil
        }
    }
}

/// Identifies the stream an event belongs to, for the bus's overflow policy.
public struct CoalescingKey: Hashable, Sendable {
    public enum Topic: Hashable, Sendable { case vitals, concentrations }
    public var chair: ChairID
    public var device: DeviceID?
    public var topic: Topic
}

/// An event as the bus delivered it: its place in the total order and when it arrived.
public struct ClinicEvent: Hashable, Codable, Sendable {
    /// The bus sequence number: gap-free, strictly increasing; replay applies events in this order.
    public var sequence: UInt64
    /// When the bus accepted the event (receipt time, from the injected clock).
    public var receivedAt: Date
    public var payload: ClinicEventPayload

    public init(sequence: UInt64, receivedAt: Date, payload: ClinicEventPayload) {
        self.sequence = sequence
        self.receivedAt = receivedAt
        self.payload = payload
    }
}
