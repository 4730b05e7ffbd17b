import Foundation
import InfusionCore
import Testing
import TestSupport

@Suite("Sign-off: the discharge gate")
struct SignOffGateTests {
    typealias F = SignOffFixtures

    /// The checklist at `minute` with fresh vitals taken as current (the NIBP of t(100)).
    func checklist(_ options: F.Options = F.Options(), at minute: Double = 105, rules: SignOffRules = F.rules) throws -> DischargeChecklist {
        let state = F.script(options).state
        return try #require(DischargeGate.evaluate(chair: F.chair, in: state, rules: rules, at: F.t(minute)))
    }

    @Test("a complete session after the observation minimum may be signed")
    func allowed() throws {
        let result = try checklist()
        #expect(result.missing == [])
        #expect(result.isComplete)
        #expect(result.aldrete?.total == 10)
        #expect(result.escortName == "J. Smith")
        #expect(result.observationElapsed.map { abs($0 - 63 * 60) < 1e-6 } == true)  // ended at t(42)
    }

    @Test("before the observation minimum, sign-off is refused with the time left")
    func observationMinimum() throws {
        let result = try checklist(at: 101.5)
        #expect(result.missing == [.observationIncomplete(remaining: 30)])
        #expect(result.missing.first?.message == "Observation minimum not reached: 00:30 left")
        #expect(try checklist(at: 102).isComplete)  // exactly the minimum passes
    }

    @Test("an infusion that has not ended refuses sign-off")
    func infusionNotEnded() throws {
        var options = F.Options()
        options.completeInfusion = false
        let result = try checklist(options)
        #expect(result.missing == [.infusionNotEnded, .observationIncomplete(remaining: 3600)])
    }

    @Test("each missing checklist item is listed, and only it")
    func eachItem() throws {
        var noAldrete = F.Options()
        noAldrete.aldrete = nil
        #expect(try checklist(noAldrete).missing == [.aldreteMissing])
        var lowAldrete = F.Options()
        lowAldrete.aldrete = try AldreteScore(activity: 2, respiration: 2, circulation: 1, consciousness: 1, oxygenSaturation: 2)
        #expect(try checklist(lowAldrete).missing == [.aldreteBelowMinimum(total: 8, minimum: 9)])
        var unresolved = F.Options()
        unresolved.dissociationResolved = false
        #expect(try checklist(unresolved).missing == [.dissociationNotResolved])
        var ivIn = F.Options()
        ivIn.ivRemoved = false
        #expect(try checklist(ivIn).missing == [.ivNotRemoved])
        var noEscort = F.Options()
        noEscort.escort = nil
        #expect(try checklist(noEscort).missing == [.escortNotConfirmed])
        var blankEscort = F.Options()
        blankEscort.escort = "  "
        #expect(try checklist(blankEscort).missing == [.escortNotConfirmed])
    }

    @Test("vitals beyond ±20 % of baseline refuse sign-off, with baseline, value and change shown")
    func vitalsOutOfRange() throws {
        var options = F.Options()
        options.systolicAt100 = 150  // baseline 120: +25 %
        let result = try checklist(options)
        let systolic = VitalComparison(kind: .systolic, baseline: 120, current: 150, tolerance: 0.2)
        #expect(result.missing == [.vitalsOutOfRange([systolic])])
        #expect(systolic.percentChange == 25)
        #expect(systolic.label == "SYS 150 vs 120 (+25 %)")
        #expect(result.vitals.map(\.kind) == [.heartRate, .systolic, .diastolic])  // SpO2 has no baseline
        options.systolicAt100 = 144  // exactly +20 % passes
        #expect(try checklist(options).isComplete)
    }

    @Test("a vital with no current reading fails the comparison")
    func expiredVital() throws {
        // NIBP withdrawn after 35 min by default: at t(140) the reading of t(100) has expired.
        let result = try checklist(at: 140)
        guard case .vitalsOutOfRange(let failing)? = result.missing.first else {
            Issue.record("expected vitals out of range, got \(result.missing)")
            return
        }
        #expect(failing.map(\.kind) == [.heartRate, .systolic, .diastolic])
        #expect(failing.allSatisfy { $0.current == nil })
    }

    @Test("the observation minimum is the clinic's setting")
    func configurableMinimum() throws {
        var rules = SignOffRules()
        rules.observationMinimum = 120 * 60
        #expect(try checklist(at: 105, rules: rules).missing == [.observationIncomplete(remaining: 57 * 60)])
    }

    @Test("the next phase: observation after completion, ready once the checklist passes")
    func nextPhase() throws {
        let state = F.script().state
        let session = try #require(state[chair: F.chair]?.session)
        #expect(session.phase == .infusionComplete)
        let early = try checklist(at: 90)
        #expect(DischargeGate.nextPhase(for: early, session: session) == .observation)
        var observing = session
        observing.phase = .observation
        #expect(DischargeGate.nextPhase(for: early, session: observing) == nil)
        #expect(DischargeGate.nextPhase(for: try checklist(), session: observing) == .readyForDischarge)
    }

    @Test("a free chair has no checklist")
    func noSession() {
        #expect(DischargeGate.evaluate(chair: ChairID("CHAIR-09"), in: F.script().state, rules: F.rules, at: F.t(105)) == nil)
    }
}
