public import Foundation

// The records carried by `ClinicEventPayload`. Each names its chair so that any
// event can be filed, journaled and replayed on its own.

/// A chair of the clinic as configured.
public struct ChairDescriptor: Hashable, Codable, Sendable {
    public var id: ChairID
    /// The name shown on the tile (`CHAIR-01`).
    public var label: String
    public init(id: ChairID, label: String) {
        self.id = id
        self.label = label
    }
}

/// Values one monitor reported in one message.
public struct VitalsObservation: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var device: DeviceID
    public var samples: [VitalSample]
    public init(chair: ChairID, device: DeviceID, samples: [VitalSample]) {
        self.chair = chair
        self.device = device
        self.samples = samples
    }
}

/// A monitor said some parameters have no value (probe off, cuff removed, `X` status).
public struct VitalsUnavailable: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var device: DeviceID
    public var kinds: [VitalKind]
    /// Why, as the device said it (`probe off`).
    public var reason: String
    public var at: Date
    public init(chair: ChairID, device: DeviceID, kinds: [VitalKind], reason: String, at: Date) {
        self.chair = chair
        self.device = device
        self.kinds = kinds
        self.reason = reason
        self.at = at
    }
}

/// An adapter lost or regained its link to a device.
public struct DeviceLinkChange: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var device: DeviceID
    public var state: DeviceLinkState
    public var at: Date
    public init(chair: ChairID, device: DeviceID, state: DeviceLinkState, at: Date) {
        self.chair = chair
        self.device = device
        self.state = state
        self.at = at
    }
}

/// A session moved to a phase that pump reports do not decide (observation, ready, signed off).
public struct SessionPhaseChange: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    public var phase: SessionPhase
    public var at: Date
    public init(chair: ChairID, session: SessionID, phase: SessionPhase, at: Date) {
        self.chair = chair
        self.session = session
        self.phase = phase
        self.at = at
    }
}

/// A session closed; the chair is free.
public struct SessionEnd: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    public var at: Date
    public init(chair: ChairID, session: SessionID, at: Date) {
        self.chair = chair
        self.session = session
        self.at = at
    }
}

/// The station restarted and rebuilt an open session from the journal.
public struct SessionResumed: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var session: SessionID
    /// The last event the journal held before the restart.
    public var lastEventAt: Date
    public var at: Date
    public init(chair: ChairID, session: SessionID, lastEventAt: Date, at: Date) {
        self.chair = chair
        self.session = session
        self.lastEventAt = lastEventAt
        self.at = at
    }

    /// Seconds without data across the restart.
    public var gap: TimeInterval { max(0, at.timeIntervalSince(lastEventAt)) }
}

/// Plasma and effect-site drug concentrations estimated by a pharmacokinetic model.
public struct ConcentrationEstimate: Hashable, Codable, Sendable {
    public var chair: ChairID
    public var plasma: MicrogramsPerMilliliter
    public var effectSite: MicrogramsPerMilliliter
    public var at: Date
    public init(chair: ChairID, plasma: MicrogramsPerMilliliter, effectSite: MicrogramsPerMilliliter, at: Date) {
        self.chair = chair
        self.plasma = plasma
        self.effectSite = effectSite
        self.at = at
    }
}
