import Foundation
import InfusionCore
import Testing
import TestSupport

@Suite("Sign-off: scores and score due")
struct SignOffScoreTests {
    typealias F = SignOffFixtures

    @Test("CADSS-6 takes six items of 0–4 and sums them")
    func cadss() throws {
        #expect(try DissociationScore(items: [2, 1, 2, 1, 1, 0]).total == 7)
        #expect(try DissociationScore(items: [4, 4, 4, 4, 4, 4]).total == DissociationScore.maximumTotal)
        #expect(throws: ScoreInputError.wrongItemCount(expected: 6, got: 5)) { try DissociationScore(items: [0, 0, 0, 0, 0]) }
        #expect(throws: ScoreInputError.itemOutOfRange(item: 3, value: 5, range: 0...4)) {
            try DissociationScore(items: [0, 0, 5, 0, 0, 0])
        }
        #expect(throws: ScoreInputError.itemOutOfRange(item: 1, value: -1, range: 0...4)) {
            try DissociationScore(items: [-1, 0, 0, 0, 0, 0])
        }
        #expect(ScoreInputError.itemOutOfRange(item: 3, value: 5, range: 0...4).message == "Item 3 must be 0–4 (got 5)")
    }

    @Test("modified Aldrete takes five items of 0–2; 9 passes")
    func aldrete() throws {
        let score = try AldreteScore(activity: 2, respiration: 2, circulation: 1, consciousness: 2, oxygenSaturation: 2)
        #expect(score.total == 9)
        #expect(score.label == "Aldrete 9/10")
        #expect(throws: ScoreInputError.itemOutOfRange(item: 5, value: 3, range: 0...2)) {
            try AldreteScore(activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 3)
        }
    }

    @Test("the reducer ignores a scoring whose items are not valid")
    func invalidScoringIgnored() throws {
        var script = F.script()
        script.add(.dissociationScored(DissociationScoring(
            chair: F.chair, session: F.session, items: [9, 0, 0, 0, 0, 0], by: F.nurse, at: F.t(103))), at: F.t(103))
        let session = try #require(script.state[chair: F.chair]?.session)
        #expect(session.dissociationScores.map { $0.score?.total } == [0, 7, 1])
    }

    @Test("a score is due at each scheduled time until one is entered")
    func scoreDue() throws {
        var options = F.Options()
        options.dissociationResolved = false
        let session = try #require(F.script(options).state[chair: F.chair]?.session)
        // Infusion started at t(2): slots at t(2), t(42), t(72), each opening 5 min early.
        var unscored = session
        unscored.dissociationScores = []
        #expect(unscored.dissociationScoreDue(rules: F.rules, at: F.t(-3.5)) == nil)  // before the first slot opens
        #expect(unscored.dissociationScoreDue(rules: F.rules, at: F.t(-2))?.offset == 0)  // open 5 min early
        var notStarted = unscored
        notStarted.infusionStartedAt = nil
        #expect(notStarted.dissociationScoreDue(rules: F.rules, at: F.t(3)) == nil)  // nothing due before the infusion
        #expect(unscored.dissociationScoreDue(rules: F.rules, at: F.t(3))?.offset == 0)
        let overdue = unscored.dissociationScoreDue(rules: F.rules, at: F.t(8))
        #expect(overdue?.isOverdue == true)
        #expect(overdue?.dueAt == F.t(2))
        #expect(session.dissociationScoreDue(rules: F.rules, at: F.t(30)) == nil)  // t(2) filled, t(42) not open yet
        var missingSecond = session
        missingSecond.dissociationScores.remove(at: 1)
        #expect(missingSecond.dissociationScoreDue(rules: F.rules, at: F.t(38))?.offset == 2400)  // opens at t(37)
        #expect(session.dissociationScoreDue(rules: F.rules, at: F.t(100)) == nil)  // all three entered
        let resolved = try #require(F.script().state[chair: F.chair]?.session)
        #expect(resolved.dissociationScoreDue(rules: F.rules, at: F.t(100)) == nil)
    }
}
