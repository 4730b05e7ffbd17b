import Foundation

/// The pure reducer: `state = reduce(state, event)`. No I/O, no clock, no randomness.
///
/// Replaying the journal through this function rebuilds the exact state, which is
/// what crash recovery, audit, reports and tests rest on. Events for chairs or
/// sessions the state does not know change nothing.
public enum ClinicReducer {
    public static func reduce(_ state: inout ClinicState, _ event: ClinicEvent) {
        state.lastSequence = event.sequence
        state.lastEventAt = event.receivedAt
        let received = event.receivedAt
        switch event.payload {
        case .clinicNamed(let name):
            state.clinicName = name
        case .chairConfigured(let chair):
            state.addChair(chair)
        case .deviceRegistered(let device):
            state.devices[device.id] = device
            state.updateChair(device.chair) { $0.devices[device.kind] = device.id }
        case .vitalsObserved(let observation):
            let rules = state.alarmRules
            state.updateChair(observation.chair) { chair in
                applyVitals(observation, received: received, to: &chair)
                AlarmReduction.updateConditions(for: observation.samples, chair: &chair, rules: rules)
            }
        case .vitalsUnavailable(let unavailable):
            state.updateChair(unavailable.chair) { chair in
                chair.heard(unavailable.device, at: received)
                for kind in unavailable.kinds {
                    chair.vitals[kind] = nil
                    chair.alarms.conditions[kind] = nil
                    chair.unavailable[kind] = unavailable.reason
                }
                let names = unavailable.kinds.map(\.rawValue).joined(separator: ",")
                chair.appendLog("\(names) unavailable: \(unavailable.reason)", at: unavailable.at)
            }
        case .pumpReported(let report):
            state.updateChair(report.chair) { chair in
                let before = chair.session?.phase
                PumpReduction.apply(report, received: received, to: &chair)
                SignOffReduction.notePhaseChange(from: before, chair: &chair)
            }
            state.updateChair(report.chair) { DoseReduction.confirm(report, received: received, chair: &$0) }
        case .deviceLinkChanged(let change):
            state.updateChair(change.chair) { chair in
                guard chair.links[change.device] != change.state else { return }
                chair.links[change.device] = change.state
                chair.appendLog("\(change.device) link \(change.state.rawValue)", at: change.at)
            }
        case .sessionStarted(let start):
            state.updateChair(start.chair) { chair in
                chair.session = SessionState(start: start)
                chair.trends = [:]
                chair.alarms.conditions = [:]
                chair.alarms.disabled = [:]
                // The chair's alarm list is the patient's: the previous patient's alarms are
                // in their session record and the journal, not on the next patient's screen.
                // (It also keeps the list, and the station's memory, one session long.)
                chair.alarms.history = []
                chair.plasmaConcentration = nil
                chair.effectSiteConcentration = nil
                chair.appendLog(
                    "Admitted \(start.patient.shortLabel), \(start.weight), \(start.order.drugName) "
                        + "\(start.order.dose) over \(Int(start.order.duration / 60)) min",
                    at: start.admittedAt)
            }
        case .sessionPhaseChanged(let change):
            state.updateChair(change.chair) { chair in
                guard chair.session?.id == change.session, chair.session?.phase != change.phase else { return }
                chair.session?.phase = change.phase
                chair.session?.phaseChangedAt = change.at
                chair.session?.phaseHistory.append(PhaseEntry(phase: change.phase, at: change.at))
                chair.appendLog("Phase \(change.phase.label)", at: change.at)
            }
        case .sessionEnded(let end):
            state.updateChair(end.chair) { chair in
                guard chair.session?.id == end.session else { return }
                chair.session = nil
                chair.appendLog("Session \(end.session) closed; chair free", at: end.at)
            }
        case .alarmRulesConfigured(let rules):
            state.alarmRules = rules
        case .alarmRaised(let raised):
            state.updateChair(raised.chair) { chair in
                AlarmReduction.raise(raised, chair: &chair)
                SignOffReduction.noteAlarms(at: raised.at, chair: &chair)
            }
        case .alarmConditionEnded(let ended):
            let rules = state.alarmRules
            state.updateChair(ended.chair) { chair in
                AlarmReduction.endCondition(ended, chair: &chair, rules: rules)
                SignOffReduction.noteAlarms(at: ended.at, chair: &chair)
            }
        case .alarmsAcknowledged(let acknowledgement):
            state.updateChair(acknowledgement.chair) { chair in
                AlarmReduction.acknowledge(acknowledgement, chair: &chair)
                SignOffReduction.noteAlarms(at: acknowledgement.at, chair: &chair)
            }
        case .alarmAudioPaused(let pause):
            state.audioPause = pause
        case .alarmSwitched(let change):
            state.updateChair(change.chair) { chair in
                AlarmReduction.switchAlarm(change, chair: &chair)
                SignOffReduction.noteAlarms(at: change.at, chair: &chair)
            }
        case .sessionResumed(let resumed):
            state.updateChair(resumed.chair) { chair in
                guard chair.session?.id == resumed.session else { return }
                chair.session?.resumedAfterGap = resumed.gap
                chair.appendLog("Resumed after restart; gap \(DurationText.clock(resumed.gap))", at: resumed.at)
            }
        case .rateChangeOrdered(let order):
            state.updateChair(order.chair) { chair in
                DoseReduction.apply(order, chair: &chair)
                SignOffReduction.record(order, chair: &chair)
            }
        case .infusionControlOrdered(let order):
            state.updateChair(order.chair) { chair in
                DoseReduction.apply(order, chair: &chair)
                SignOffReduction.record(order, chair: &chair)
            }
        case .weightChanged(let change):
            state.updateChair(change.chair) { chair in
                DoseReduction.apply(change, chair: &chair)
                SignOffReduction.record(change, chair: &chair)
            }
        case .dissociationScored(let scoring): state.updateChair(scoring.chair) { SignOffReduction.apply(scoring, chair: &$0) }
        case .interventionRecorded(let record): state.updateChair(record.chair) { SignOffReduction.apply(record, chair: &$0) }
        case .dischargeItemRecorded(let record): state.updateChair(record.chair) { SignOffReduction.apply(record, chair: &$0) }
        case .sessionSigned(let signature): state.updateChair(signature.chair) { SignOffReduction.apply(signature, chair: &$0) }
        case .sessionAmended: break  // journaled; the closed session is no longer in the state (see `SessionAmendmentRecord`)
        case .operatorSignedIn, .signInFailed, .operatorLocked, .operatorUnlocked, .operatorSignedOut: break  // journaled; `Authenticator` holds sign-in state
        case .deviceMessageRejected: break  // journaled for audit; nothing reached the model
        case .concentrationsEstimated(let estimate):
            state.updateChair(estimate.chair) { chair in
                chair.plasmaConcentration = estimate.plasma
                chair.effectSiteConcentration = estimate.effectSite
            }
        }
    }

    /// Replays events in order onto `state` (recovery, tests).
    public static func replay(_ events: some Sequence<ClinicEvent>, onto state: ClinicState = ClinicState()) -> ClinicState {
        var result = state
        for event in events { reduce(&result, event) }
        return result
    }

    private static func applyVitals(_ observation: VitalsObservation, received: Date, to chair: inout ChairState) {
        chair.heard(observation.device, at: received)
        for sample in observation.samples where sample.value.isFinite {
            guard sample.kind.plausibleRange.contains(sample.value) else { continue }
            if let current = chair.vitals[sample.kind], current.measuredAt > sample.measuredAt {
                continue  // a late value never replaces a newer one
            }
            chair.vitals[sample.kind] = VitalReading(
                value: sample.value, measuredAt: sample.measuredAt, receivedAt: received, device: observation.device)
            chair.unavailable[sample.kind] = nil
            // Mutated in place: a copy taken out of the dictionary would copy its points.
            if sample.kind.isEpisodic {
                chair.trends[sample.kind, default: TrendSeries()].addReading(sample.value, at: sample.measuredAt)
            } else {
                chair.trends[sample.kind, default: TrendSeries()].addToMinute(sample.value, at: sample.measuredAt)
            }
        }
        if let systolic = observation.samples.first(where: { $0.kind == .systolic }),
            let diastolic = observation.samples.first(where: { $0.kind == .diastolic }) {
            chair.appendLog(
                "NIBP \(VitalKind.systolic.format(systolic.value))/\(VitalKind.diastolic.format(diastolic.value))",
                at: systolic.measuredAt)
        }
    }
}
