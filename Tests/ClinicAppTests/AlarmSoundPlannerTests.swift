@testable import ClinicApp
import Foundation
import InfusionCore
import Testing

@Suite("Alarm sound patterns")
struct AlarmSoundPlannerTests {
    let start = Date(timeIntervalSince1970: 1_741_939_200)
    let chair = ChairID("CHAIR-01")

    func state(_ alarms: [(AlarmKey, AlarmPriority)], acknowledged: Bool = false, pause: AudioPause? = nil) -> ClinicState {
        var events: [ClinicEventPayload] = [.chairConfigured(ChairDescriptor(id: chair, label: "CHAIR-01"))]
        for (index, (key, priority)) in alarms.enumerated() {
            events.append(.alarmRaised(AlarmRaised(
                chair: chair, key: key, priority: priority, text: "\(key)", onsetAt: start, at: start + Double(index))))
        }
        if acknowledged { events.append(.alarmsAcknowledged(AlarmAcknowledgement(chair: chair, by: "dr.lee", at: start + 5))) }
        if let pause { events.append(.alarmAudioPaused(pause)) }
        return ClinicReducer.replay(events.enumerated().map {
            ClinicEvent(sequence: UInt64($0.offset + 1), receivedAt: start, payload: $0.element)
        })
    }

    /// The times (seconds after `start`) at which the planner rings, polled every 0.25 s.
    func rings(_ state: ClinicState, over seconds: Double) -> [(Double, AlarmPriority)] {
        var planner = AlarmSoundPlanner()
        var result: [(Double, AlarmPriority)] = []
        var t = 10.0
        while t < 10 + seconds {
            if let priority = planner.next(for: state, at: start + t) { result.append((t - 10, priority)) }
            t += 0.25
        }
        return result
    }

    @Test("High repeats every second")
    func high() {
        let result = rings(state([(.vital(.spo2), .high)]), over: 5)
        #expect(result.map(\.0) == [0, 1, 2, 3, 4])
        #expect(result.allSatisfy { $0.1 == .high })
    }

    @Test("Medium rings every five seconds")
    func medium() {
        #expect(rings(state([(.vital(.heartRate), .medium)]), over: 12).map(\.0) == [0, 5, 10])
    }

    @Test("Low rings once")
    func low() {
        #expect(rings(state([(AlarmKey(.unavailable, "SpO2"), .low)]), over: 12).map(\.0) == [0])
    }

    @Test("Two mediums escalate to the high pattern")
    func escalated() {
        let result = rings(state([(.vital(.heartRate), .medium), (.vital(.spo2), .medium)]), over: 3)
        #expect(result.map(\.0) == [0, 1, 2])
        #expect(result.allSatisfy { $0.1 == .high })
    }

    @Test("Acknowledged alarms and audio pause are silent; a higher alarm breaks through the pause")
    func silenced() {
        #expect(rings(state([(.vital(.spo2), .high)], acknowledged: true), over: 5).isEmpty)
        let pause = AudioPause(by: "dr.lee", at: start + 6, until: start + 126, priorityAtPause: .medium)
        #expect(rings(state([(.vital(.heartRate), .medium)], pause: pause), over: 5).isEmpty)
        var broken = state([(.vital(.heartRate), .medium)], pause: pause)
        broken = ClinicReducer.replay([ClinicEvent(sequence: 99, receivedAt: start + 8, payload: .alarmRaised(AlarmRaised(
            chair: chair, key: .vital(.spo2), priority: .high, text: "SpO2 80<85", onsetAt: start + 7, at: start + 8)))],
            onto: broken)
        #expect(rings(broken, over: 2).map(\.1) == [.high, .high])
    }

    @Test("The planner forgets low alarms once they end, and a re-raised one rings again")
    func lowMemoryIsBounded() {
        let key = AlarmKey(.unavailable, "SpO2")
        let raised = state([(key, .low)])
        var planner = AlarmSoundPlanner()
        #expect(planner.next(for: raised, at: start + 10) == .low)
        #expect(planner.next(for: raised, at: start + 11) == nil)
        #expect(planner.announcedLow.count == 1)

        let ended = ClinicReducer.replay([ClinicEvent(sequence: 50, receivedAt: start + 12, payload: .alarmConditionEnded(
            AlarmConditionEnded(chair: chair, key: key, at: start + 12)))], onto: raised)
        #expect(planner.next(for: ended, at: start + 12) == nil)
        #expect(planner.announcedLow.isEmpty)

        let again = ClinicReducer.replay([ClinicEvent(sequence: 51, receivedAt: start + 20, payload: .alarmRaised(AlarmRaised(
            chair: chair, key: key, priority: .low, text: "SpO2 unavailable", onsetAt: start + 20, at: start + 20)))], onto: ended)
        #expect(planner.next(for: again, at: start + 20) == .low)
        #expect(planner.announcedLow.count == 1)
    }
}
