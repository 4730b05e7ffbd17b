public import Foundation
public import InfusionCore

/// One chair reduced to what its tile, its status line and its detail header show.
///
/// Derived from the model at one instant (`now`): freshness, ages, elapsed times and
/// rates are all computed here once, so the tile and the `--headless` status line
/// can never disagree. Rates come only from the pump's reported flow, converted with
/// `DoseMath` using the session's weight and the pump's programmed concentration.
public struct ChairSummary: Hashable, Sendable {
    public var label: String
    /// `A.T. 0001`, or nil for a free chair.
    public var patient: String?
    public var phase: SessionPhase?
    /// `12:30/40:00` (infusion clock vs planned), `obs 25:00` in observation.
    public var elapsed: String?
    /// Reported rate in mg/kg/h (`0.75mg/kg/h`); nil when there is no pump report or no session.
    public var doseRate: DisplayValue?
    /// Reported flow in mL/h (`60.0mL/h`); nil when there is no pump report.
    public var flow: DisplayValue?
    /// Pump status word when the pump is not delivering (`PAUSED`, `IDLE`, `DONE`), or `KVO`.
    public var pumpStatus: String?
    /// A command sent to the pump and not yet confirmed: `→ 0.90 pending`, `→ PAUSE pending`.
    /// Never the current rate: that stays what the pump reports until it confirms.
    public var pending: String?
    /// `CADSS` when a dissociation score is due now, `CADSS!` when overdue.
    public var scoreDue: String?
    /// `12.5/40.0mg`, dose given vs planned.
    public var dose: String?
    public var heartRate: DisplayValue
    public var spo2: DisplayValue
    /// `124/78(93)` with the reading's age, always.
    public var bloodPressure: DisplayValue
    public var respiratoryRate: DisplayValue
    public var etco2: DisplayValue
    public var links: [DeviceLink]
    /// Any device of the chair is simulated: the tile says `SIM`, always.
    public var isSimulated: Bool

    /// Summarises `chair` of `clinic` at `now` under `policy`.
    public init(
        chair: ChairState, clinic: ClinicState, now: Date, policy: FreshnessPolicy, signOff: SignOffRules = SignOffRules()
    ) {
        label = chair.label
        let session = chair.isOccupied ? chair.session : nil
        patient = session?.start.patient.shortLabel
        phase = session?.phase
        elapsed = session.map { Self.elapsedText($0, now: now, observationMinimum: signOff.observationMinimum) }
        dose = session.map { "\($0.doseGiven.formatted)/\($0.plannedDose.formatted)mg" }
        heartRate = Self.vital(.heartRate, chair: chair, clinic: clinic, now: now, policy: policy)
        spo2 = Self.vital(.spo2, chair: chair, clinic: clinic, now: now, policy: policy)
        respiratoryRate = Self.vital(.respiratoryRate, chair: chair, clinic: clinic, now: now, policy: policy)
        etco2 = Self.vital(.etco2, chair: chair, clinic: clinic, now: now, policy: policy)
        bloodPressure = Self.bloodPressure(chair: chair, clinic: clinic, now: now, policy: policy)
        links = Self.links(chair: chair, clinic: clinic, now: now, policy: policy)
        isSimulated = chair.devices.values.contains { clinic.devices[$0]?.isSimulated ?? false }
        if let monitorAge = links.first(where: { $0.name == "MON" })?.staleAge {
            for keyPath in [\Self.heartRate, \.spo2, \.respiratoryRate, \.etco2] {
                if case .stale(let age) = self[keyPath: keyPath].status, abs(age - monitorAge) < 2 {
                    self[keyPath: keyPath].ageOnLink = true
                }
            }
        }
        pending = session == nil ? nil : chair.pendingCommand(shownAt: now).map(Self.pendingText)
        scoreDue = session?.dissociationScoreDue(rules: signOff, at: now).map { $0.isOverdue ? "CADSS!" : "CADSS" }
        if let pump = chair.pump {
            let report = pump.lastReport
            let status = Self.deviceStatus(pump.device, chair: chair, clinic: clinic, now: now, policy: policy)
            if report.status.isFlowing {
                pumpStatus = report.status == .kvo ? PumpStatus.kvo.label : nil
                flow = DisplayValue(text: "\(report.rate.formatted)mL/h", status: status, ageOnLink: true)
                doseRate = session.map {
                    let rate = DoseMath.doseRate(report.rate, weight: $0.weight, concentration: report.concentration)
                    return DisplayValue(text: "\(rate.formatted)mg/kg/h", status: status, ageOnLink: true)
                }
                if status == .missing { pumpStatus = nil }
            } else {
                pumpStatus = status == .missing ? nil : report.status.label
                flow = status == .missing ? .missing : nil
                doseRate = nil
            }
        }
    }

    // MARK: - Derivations

    static func pendingText(_ command: PendingPumpCommand) -> String {
        switch command.target {
        case .rate(_, let rate): "→ \(rate.formatted) pending"
        case .paused: "→ PAUSE pending"
        case .running: "→ RUN pending"
        case .stopped: "→ STOP pending"
        }
    }

    /// The phase's clock: infusion time vs planned, observation vs the clinic's minimum.
    static func elapsedText(_ session: SessionState, now: Date, observationMinimum: TimeInterval) -> String {
        switch session.phase {
        case .observation:
            "obs " + DurationText.clock(session.phaseElapsed(at: now)) + "/" + DurationText.clock(observationMinimum)
        case .readyForDischarge, .signedOff:
            "ready " + DurationText.clock(session.phaseElapsed(at: now))
        case .admitted, .infusing, .paused, .infusionComplete:
            DurationText.clock(session.infusionElapsed(at: now)) + "/" + DurationText.clock(session.order.duration)
        }
    }

    /// The latest reading of `kind` with its freshness; `--` when unavailable or expired.
    static func vital(
        _ kind: VitalKind, chair: ChairState, clinic: ClinicState, now: Date, policy: FreshnessPolicy
    ) -> DisplayValue {
        guard chair.unavailable[kind] == nil, let reading = chair.vitals[kind] else { return .missing }
        let freshness = policy.freshness(of: reading, kind: kind, device: clinic.devices[reading.device], at: now)
        switch freshness {
        case .current: return DisplayValue(text: kind.format(reading.value), status: .current)
        case .stale(let age): return DisplayValue(text: kind.format(reading.value), status: .stale(age: age))
        case .expired: return .missing
        }
    }

    /// NIBP as `sys/dia(mean)` with the systolic reading's age, always shown.
    static func bloodPressure(
        chair: ChairState, clinic: ClinicState, now: Date, policy: FreshnessPolicy
    ) -> DisplayValue {
        guard chair.unavailable[.systolic] == nil, let systolic = chair.vitals[.systolic] else { return .missing }
        let freshness = policy.freshness(of: systolic, kind: .systolic, device: clinic.devices[systolic.device], at: now)
        if freshness.isExpired { return .missing }
        func part(_ kind: VitalKind) -> String? {
            guard chair.unavailable[kind] == nil, let reading = chair.vitals[kind],
                abs(reading.measuredAt.timeIntervalSince(systolic.measuredAt)) < 120 else { return nil }
            return kind.format(reading.value)
        }
        var text = VitalKind.systolic.format(systolic.value) + "/" + (part(.diastolic) ?? "--")
        if let mean = part(.meanPressure) { text += "(\(mean))" }
        let age = systolic.age(at: now)
        return DisplayValue(text: text, status: freshness.isCurrent ? .current : .stale(age: age), age: age)
    }

    /// Freshness of a device's reports, by the same rule as a periodic vital.
    static func deviceStatus(
        _ device: DeviceID, chair: ChairState, clinic: ClinicState, now: Date, policy: FreshnessPolicy
    ) -> DisplayValue.Status {
        guard chair.links[device] != .lost, let heard = chair.lastHeard[device] else { return .missing }
        let age = now.timeIntervalSince(heard)
        guard let descriptor = clinic.devices[device] else { return .current }
        if policy.isSilent(descriptor, lastHeard: heard, at: now) { return .missing }
        return age > descriptor.expectedInterval * policy.staleAfterIntervals ? .stale(age: age) : .current
    }

    static func links(chair: ChairState, clinic: ClinicState, now: Date, policy: FreshnessPolicy) -> [DeviceLink] {
        let kinds: [(DeviceKind, String)] = [(.monitor, "MON"), (.pump, "PMP")]
        return kinds.compactMap { kind, name in
            guard let id = chair.devices[kind] else { return nil }
            switch deviceStatus(id, chair: chair, clinic: clinic, now: now, policy: policy) {
            case _ where chair.links[id] == .lost: return DeviceLink(name: name, status: .lost)
            case .missing: return DeviceLink(name: name, status: .silent)
            case .stale(let age): return DeviceLink(name: name, status: .ok, staleAge: age)
            case .current: return DeviceLink(name: name, status: .ok)
            }
        }
    }
}
