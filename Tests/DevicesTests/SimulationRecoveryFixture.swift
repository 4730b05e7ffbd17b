import Foundation
import InfusionCore

@testable import Devices

/// A station that ran a simulated clinic until `crash`, was down until `restart`, and came
/// back with a new clinic continuing the sessions the journal held (the model replayed from
/// the events before the crash), as `ClinicRuntime` does after `kill -9`.
struct SimulationRestart {
    /// Events published before the crash (all of them reached the journal).
    let before: [SimulatedEvent]
    /// The model the journal rebuilds.
    let recovered: ClinicState
    /// The clinic after the restart, with the open sessions handed over.
    var clinic: SimulatedClinic
    /// What `resume` reported.
    let resumed: [ChairID]

    /// - Parameters:
    ///   - configuration: the clinic before the crash (its start is the fixture's start).
    ///   - crash, restart: seconds after the fixture's start.
    ///   - commandAt, command: the first clinic runs to `commandAt` seconds, `command` is done
    ///     to it (a pump command, an admission) and returns what the station published with
    ///     it (a `sessionStarted`), then the clinic runs on to the crash.
    init(
        configuration: SimulationConfiguration = SimulationFixture.clinic(), crash: TimeInterval, restart: TimeInterval,
        commandAt: TimeInterval? = nil, command: (inout SimulatedClinic) -> [SimulatedEvent] = { _ in [] }
    ) {
        var first = SimulatedClinic(configuration: configuration)
        var events: [SimulatedEvent] = []
        if let commandAt {
            events += first.advanceEvents(to: SimulationFixture.at(commandAt))
            events += command(&first)
        }
        events += first.advanceEvents(to: SimulationFixture.at(crash))
        before = events
        recovered = SimulationFixture.replay(events)
        var next = configuration
        next.startTime = SimulationFixture.at(restart)
        next.history = 0
        clinic = SimulatedClinic(configuration: next)
        resumed = clinic.resume(openSessionsIn: recovered)
    }

    /// Runs the clinic after the restart to `seconds` after the fixture's start.
    mutating func run(to seconds: TimeInterval) -> [SimulatedEvent] {
        clinic.advanceEvents(to: SimulationFixture.at(seconds))
    }

    /// The model after the events before the crash and then `after`, numbered in order.
    func model(after: [SimulatedEvent]) -> ClinicState {
        SimulationFixture.replay(before + after)
    }

    /// The first session of CHAIR-01 before the crash.
    var session: SessionState? { recovered[chair: ChairID("CHAIR-01")]?.session }
}

extension SimulatedEvent {
    var phaseChange: SessionPhaseChange? {
        if case .sessionPhaseChanged(let change) = payload { change } else { nil }
    }
    var sessionEnd: SessionEnd? {
        if case .sessionEnded(let end) = payload { end } else { nil }
    }
    var concentration: ConcentrationEstimate? {
        if case .concentrationsEstimated(let estimate) = payload { estimate } else { nil }
    }
}

extension Array where Element == SimulatedEvent {
    /// When the first pump report with `status` was measured.
    func firstReport(_ status: PumpStatus) -> PumpReport? {
        lazy.compactMap(\.pumpReport).first { $0.status == status }
    }
}
