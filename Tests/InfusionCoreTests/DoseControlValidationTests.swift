import Foundation
import InfusionCore
import TestSupport
import Testing

/// CHAIR-01 of the demo clinic: 80 kg, ketamine 1 mg/mL, pump at 60 mL/h = 0.75 mg/kg/h.
@Suite struct DoseControlValidationTests {
    let state = ClinicFixtures.demoClinic()
    let library = DrugLibrary.example
    let now = DoseFixtures.now

    func check(_ intent: RateChangeIntent, as user: UserAccount? = DoseFixtures.physician, library: DrugLibrary = .example)
        -> DoseCheck<RateChangePreview>
    {
        RateChangeValidator.check(intent, state: state, library: library, access: DoseFixtures.access(user), at: now)
    }

    func intent(_ new: Double, reason: String? = nil, reentry: Double? = nil) -> RateChangeIntent {
        RateChangeIntent(chair: DoseFixtures.chair1, oldRate: DoseFixtures.rate(0.75), newRate: DoseFixtures.rate(new),
                         reason: reason, reentry: reentry.map(DoseFixtures.rate))
    }

    @Test func currentRateIsThePumpsReportedRateInDoseUnits() throws {
        let current = try #require(RateChangeValidator.currentRate(of: DoseFixtures.chair1, in: state, library: library, at: now))
        #expect(current.formatted == "0.75")
        #expect(RateChangeValidator.currentRate(of: DoseFixtures.chair2, in: state, library: library, at: now) == nil)
    }

    @Test func smallIncreaseIsReadyWithAFullPreview() throws {
        let result = check(intent(0.9))
        #expect(result.isReady)
        let preview = try #require(result.preview)
        #expect(preview.chairLabel == "CHAIR-01")
        #expect(preview.patient == "A.T. 0001")
        #expect(preview.oldFlow.formatted == "60.0")
        #expect(preview.newFlow.formatted == "72.0")
        #expect(preview.newMassRate.formatted == "72.0")
        #expect(preview.foldText == "×1.20")
        #expect(preview.weight == Kilograms(80))
        #expect(preview.concentration == MilligramsPerMilliliter(1))
        #expect(preview.projectedTotal.formatted == "40.0")
        let end = try #require(preview.predictedEnd)
        let remaining = (40 - preview.doseGiven.value) / 72 * 3600
        #expect(abs(end.timeIntervalSince(now) - remaining) < 1)
        let lines = preview.lines { _ in "09:20" }
        #expect(lines.contains("Rate 0.75 → 0.90 mg/kg/h (×1.20)"))
        #expect(lines.contains("Pump 60.0 → 72.0 mL/h (72.0 mg/h)"))
    }

    @Test func confirmedPreviewBecomesAnOrderWithWhoWhenOldNewAndDeadline() throws {
        let preview = try #require(check(intent(0.9)).preview)
        guard case .rateChangeOrdered(let order) = preview.makeOrder(at: now, confirmationTimeout: 10) else {
            Issue.record("not a rate order")
            return
        }
        #expect(order.by.user == DoseFixtures.physician.id)
        #expect(order.oldRate.formatted == "0.75" && order.newRate.formatted == "0.90")
        #expect(order.deadline == now.addingTimeInterval(10))
        #expect(order.reason == nil && !order.overrodeSoftLimit)
    }

    @Test func softLimitNeedsAReasonWhichIsRecorded() throws {
        guard case .needs(.reason(let note), _) = check(intent(1.1)) else {
            Issue.record("expected a reason step")
            return
        }
        #expect(note.contains("soft limit 1.00 mg/kg/h"))
        #expect(!check(intent(1.1, reason: "   ")).isReady)
        let ready = check(intent(1.1, reason: "inadequate response"))
        #expect(ready.isReady)
        guard case .rateChangeOrdered(let order) = try #require(ready.preview).makeOrder(at: now, confirmationTimeout: 10) else {
            Issue.record("not a rate order")
            return
        }
        #expect(order.reason == "inadequate response" && order.overrodeSoftLimit)
    }

    @Test func hardLimitIsRefusedShowingTheLimitEvenWithAReason() throws {
        let refusal = try #require(check(intent(1.6, reason: "please", reentry: 1.6)).refusal)
        #expect(refusal == .aboveHardLimit(DoseFixtures.rate(1.5)))
        #expect(refusal.message.contains("1.50 mg/kg/h"))
        #expect(check(intent(0.05)).refusal == .belowHardLimit(DoseFixtures.rate(0.1)))
    }

    @Test func changeBeyondTheFactorNeedsTheValueTypedAgain() {
        guard case .needs(.reentry(let fold, let factor), _) = check(intent(0.4)) else {
            Issue.record("expected re-entry")
            return
        }
        #expect(abs(fold - 0.4 / 0.75) < 1e-9 && factor == 1.5)
        #expect(check(intent(0.4, reentry: 0.04)).refusal == .reentryMismatch)
        #expect(check(intent(0.4, reentry: 0.4)).isReady)
        #expect(check(intent(1.125)).isReady == false)  // ×1.5 exactly is allowed, but 1.125 passes the soft limit
        #expect(check(intent(1.0)).isReady)  // ×1.33
    }

    @Test func nurseMayNotChangeTheRateButMayPauseAndStop() {
        #expect(check(intent(0.9), as: DoseFixtures.nurse).refusal == .access(.roleRequired(.physician, .increaseRate)))
        #expect(check(intent(0.6), as: DoseFixtures.nurse).refusal == .access(.roleRequired(.physician, .decreaseRate)))
        let access = DoseFixtures.access(DoseFixtures.nurse)
        for action in [InfusionControlAction.pause, .stop] {
            let result = InfusionControlValidator.check(
                InfusionControlIntent(chair: DoseFixtures.chair1, action: action), state: state, library: library,
                access: access, at: now)
            #expect(result.isReady, "nurse \(action)")
        }
        let resume = InfusionControlValidator.check(
            InfusionControlIntent(chair: DoseFixtures.chair2, action: .resume), state: state, library: library,
            access: access, at: now)
        #expect(resume.refusal == .access(.roleRequired(.physician, .resume)))
        #expect(resume.refusal?.message == "Only a physician may restart the infusion")
    }

    @Test func physicianRestartsAPausedPumpButCannotChangeItsRate() {
        let access = DoseFixtures.access(DoseFixtures.physician)
        #expect(InfusionControlValidator.check(
            InfusionControlIntent(chair: DoseFixtures.chair2, action: .resume), state: state, library: library,
            access: access, at: now).isReady)
        #expect(InfusionControlValidator.check(
            InfusionControlIntent(chair: DoseFixtures.chair2, action: .pause), state: state, library: library,
            access: access, at: now).refusal != nil)
        let change = RateChangeIntent(chair: DoseFixtures.chair2, oldRate: .zero, newRate: DoseFixtures.rate(0.5))
        guard case .refused(.notAllowedNow) = RateChangeValidator.check(change, state: state, library: library, access: access, at: now)
        else {
            Issue.record("a paused pump's rate cannot be changed")
            return
        }
    }

    @Test func nobodySignedInIsRefused() {
        #expect(check(intent(0.9), as: nil).refusal == .access(.notSignedIn))
    }

    @Test func staleDialogAndNoChangeAreRefused() {
        let stale = RateChangeIntent(chair: DoseFixtures.chair1, oldRate: DoseFixtures.rate(0.6), newRate: DoseFixtures.rate(0.7))
        #expect(check(stale).refusal == .rateChangedMeanwhile(current: DoseFixtures.rate(0.75)))
        #expect(check(intent(0.75)).refusal == .noChange)
        #expect(check(intent(0)).refusal != nil)
    }

    @Test func totalDoseLimitsApplyToTheProjectedTotal() {
        var strict = DrugLibrary.exampleKetamine
        strict.totalDoseLimits = TotalDoseLimits(soft: MilligramsPerKilogram(0.3), hard: MilligramsPerKilogram(0.4))
        #expect(check(intent(0.9), library: DrugLibrary(drugs: [strict])).refusal
            == .totalAboveHardLimit(projected: MilligramsPerKilogram(0.5), limit: MilligramsPerKilogram(0.4)))
        strict.totalDoseLimits = TotalDoseLimits(soft: MilligramsPerKilogram(0.45), hard: MilligramsPerKilogram(1))
        guard case .needs(.reason(let note), _) = check(intent(0.9), library: DrugLibrary(drugs: [strict])) else {
            Issue.record("expected a reason for the soft total limit")
            return
        }
        #expect(note.contains("total 0.50 mg/kg"))
    }

    @Test func drugNotInLibraryOrNonStandardConcentrationIsRefused() {
        #expect(check(intent(0.9), library: DrugLibrary(drugs: [])).refusal == .noDrugEntry("Ketamine"))
        var odd = DrugLibrary.exampleKetamine
        odd.concentrations = [MilligramsPerMilliliter(10)]
        guard case .refused(.concentration) = check(intent(0.9), library: DrugLibrary(drugs: [odd])) else {
            Issue.record("expected a concentration refusal")
            return
        }
    }

    @Test func plusAndMinusStepOnTheGrid() {
        let step = DoseFixtures.rate(0.05)
        #expect(RateChangeIntent.step(chair: DoseFixtures.chair1, from: DoseFixtures.rate(0.75), by: step, direction: 1)?.newRate
            == DoseFixtures.rate(0.8))
        #expect(RateChangeIntent.step(chair: DoseFixtures.chair1, from: DoseFixtures.rate(0.75), by: step, direction: -1)?.newRate
            == DoseFixtures.rate(0.7))
        #expect(RateChangeIntent.step(chair: DoseFixtures.chair1, from: DoseFixtures.rate(0.73), by: step, direction: 1)?.newRate
            == DoseFixtures.rate(0.75))
        #expect(RateChangeIntent.step(chair: DoseFixtures.chair1, from: DoseFixtures.rate(0.05), by: step, direction: -1) == nil)
    }

    @Test func typedValuesRefuseAmbiguousForms() throws {
        #expect(try DoseEntry.rate("0.9").get() == DoseFixtures.rate(0.9))
        #expect(DoseEntry.parse(".9") == .failure(.nakedDecimal))
        for bad in ["0,9", "1e2", "-1", "9.", "0.9.1", "abc", "9 mg"] {
            #expect(throws: DoseEntry.Problem.self, "\(bad)") { try DoseEntry.parse(bad).get() }
        }
        #expect(DoseEntry.parse("0") == .failure(.notPositive))
        #expect(DoseEntry.parse(" ") == .failure(.empty))
    }

    @Test func weightChangeReprogramsTheSameDoseRateAndNeedsReentryWhenLarge() throws {
        let access = DoseFixtures.access(DoseFixtures.physician)
        let small = WeightChangeIntent(chair: DoseFixtures.chair1, oldWeight: Kilograms(80), newWeight: Kilograms(84), measuredAt: now)
        let result = WeightChangeValidator.check(small, state: state, library: library, access: access, at: now)
        let preview = try #require(result.preview)
        #expect(result.isReady)
        #expect(preview.rate?.formatted == "0.75")
        #expect(preview.newFlow?.formatted == "63.0")
        #expect(preview.newPlannedDose.formatted == "42.0")
        let large = WeightChangeIntent(chair: DoseFixtures.chair1, oldWeight: Kilograms(80), newWeight: Kilograms(176), measuredAt: now)
        guard case .needs(.reentry, _) = WeightChangeValidator.check(large, state: state, library: library, access: access, at: now) else {
            Issue.record("a 176 kg weight (lb typed as kg?) needs re-entry")
            return
        }
        let future = WeightChangeIntent(chair: DoseFixtures.chair1, oldWeight: Kilograms(80), newWeight: Kilograms(82),
                                        measuredAt: now.addingTimeInterval(3600))
        #expect(WeightChangeValidator.check(future, state: state, library: library, access: access, at: now).refusal != nil)
        let nurse = DoseFixtures.access(DoseFixtures.nurse)
        #expect(WeightChangeValidator.check(small, state: state, library: library, access: nurse, at: now).refusal
            == .access(.roleRequired(.physician, .changeWeight)))
    }
}

@Suite struct RateStepTests {
    /// The pump reports mL/h to 0.1: 79.7 mL/h at 106.3 kg and 1 mg/mL is 0.7497 mg/kg/h,
    /// which must step to 0.80 and 0.70, not to 0.75 again.
    @Test func stepsFromARateJustOffTheGrid() {
        let current = DoseMath.doseRate(MillilitersPerHour(79.7), weight: Kilograms(106.3), concentration: MilligramsPerMilliliter(1))
        let step = MilligramsPerKilogramPerHour(0.05)
        let up = RateChangeIntent.step(chair: ChairID("CHAIR-05"), from: current, by: step, direction: 1)
        let down = RateChangeIntent.step(chair: ChairID("CHAIR-05"), from: current, by: step, direction: -1)
        #expect(up?.newRate == MilligramsPerKilogramPerHour(0.8))
        #expect(down?.newRate == MilligramsPerKilogramPerHour(0.7))
        let above = RateChangeIntent.step(chair: ChairID("CHAIR-05"), from: MilligramsPerKilogramPerHour(0.7503), by: step, direction: -1)
        #expect(above?.newRate == MilligramsPerKilogramPerHour(0.7))
    }
}
