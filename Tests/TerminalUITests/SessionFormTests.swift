import Foundation
import InfusionCore
import Testing
import TerminalUI
import TestSupport

/// Admission, CADSS, the discharge checklist and sign-off, typed at the keyboard.
@Suite struct SessionFormTests {
    /// A station with one free chair whose monitor reads HR 72, SpO2 98 and NIBP `systolic`/`diastolic`.
    static func freeChair(systolic: Double, diastolic: Double) -> DoseStation {
        var station = DoseStation()
        var script = ClinicEventScript()
        let chair = ClinicFixtures.configure(1, in: &script)
        let samples: [VitalSample] = [
            VitalSample(kind: .heartRate, value: 72, measuredAt: DoseFixtures.now),
            VitalSample(kind: .spo2, value: 98, measuredAt: DoseFixtures.now),
            VitalSample(kind: .systolic, value: systolic, measuredAt: DoseFixtures.now),
            VitalSample(kind: .diastolic, value: diastolic, measuredAt: DoseFixtures.now),
        ]
        script.add(.vitalsObserved(VitalsObservation(chair: chair, device: DeviceID("MON01"), samples: samples)), at: DoseFixtures.now)
        station.clinic = script.state
        return station
    }

    /// Types `text` into the current field and presses Enter.
    static func answer(_ text: String, _ station: inout DoseStation) {
        station.type(text)
        station.press([Key.enter])
    }

    static func enters(_ count: Int) -> [Key] { [Key](repeating: Key.enter, count: count) }

    /// Fills the admission form for Jane Doe, 70 kg, with everything else as prefilled.
    static func admitJaneDoe(_ station: inout DoseStation, weight: String = "70") {
        station.press([Key.character("n")])
        for text in ["MRN0042", "Doe, Jane", "1980-05-01", weight] { answer(text, &station) }
    }

    @Test func admissionTakesBaselineFromTheMonitorAndAsksForAReasonAboveTheLimit() {
        var station = Self.freeChair(systolic: 150, diastolic: 95)
        Self.admitJaneDoe(&station)
        #expect(station.frame.contains("Weighed on: 2025-03-14_"))
        // Weighed on (today), drug, concentration, dose, minutes, HR, SYS, DIA, SpO2: prefilled.
        station.press(Self.enters(9))
        #expect(station.frame.contains("Baseline SYS: 150"))
        station.press(Self.enters(2))  // no reason, then submit from the review
        #expect(station.orders.isEmpty)
        #expect(station.frame.contains("clinics usually delay; give a reason to go on"))
        Self.answer("physician reviewed, proceed", &station)
        station.press([Key.enter])
        guard case .sessionStarted(let start) = station.orders.last else {
            Issue.record("no admission")
            return
        }
        let patient = PatientIdentity(mrn: "MRN0042", name: "Doe, Jane", dateOfBirth: "1980-05-01")
        #expect(start.patient == patient)
        #expect(start.weight == Kilograms(70))
        let systolic: Double? = start.baseline[VitalKind.systolic]
        #expect(systolic == 150.0)
        #expect(start.order.doseRate == MilligramsPerKilogramPerHour(0.75))
        #expect(start.baselineWarningReason == "physician reviewed, proceed")
        #expect(start.admittedBy?.user == DoseFixtures.physician.id)
        let occupied = station.clinic[chair: DoseFixtures.chair1]?.isOccupied
        #expect(occupied == true)
    }

    @Test func admissionRefusesAWeightInPounds() {
        var station = Self.freeChair(systolic: 120, diastolic: 80)
        Self.admitJaneDoe(&station, weight: "350")
        station.press(Self.enters(11))
        #expect(station.orders.isEmpty)
        #expect(station.frame.contains("350.0 kg is outside 20-300 kg (kg only, never lb)"))
    }

    @Test func startingTheInfusionShowsTheOrderInEveryUnit() {
        var station = Self.freeChair(systolic: 120, diastolic: 80)
        Self.admitJaneDoe(&station)
        station.press(Self.enters(11))
        let idle = PumpReport(
            chair: DoseFixtures.chair1, device: DeviceID("PMP01"), status: PumpStatus.idle, rate: MillilitersPerHour(52.5),
            volumeInfused: Milliliters(0), concentration: MilligramsPerMilliliter(1), measuredAt: station.now)
        station.apply(.pumpReported(idle))
        station.press([Key.character("p")])
        let frame = station.frame
        #expect(frame.contains("START CHAIR-01"))
        #expect(frame.contains("Ketamine 0.50 mg/kg = 35.0 mg over 40 min"))
        #expect(frame.contains("= 0.75 mg/kg/h = 52.5 mL/h at 1.00 mg/mL, 70.0 kg"))
        station.press([Key.enter])
        guard case .infusionControlOrdered(let order) = station.orders.last else {
            Issue.record("no start order")
            return
        }
        #expect(order.action == InfusionControlAction.resume)
    }

    @Test func dissociationScoreIsEnteredItemByItem() {
        var station = DoseStation()
        station.press([Key.character("c")])
        station.type("7")  // out of range: ignored
        station.press([Key.enter])
        #expect(station.frame.contains("1 Detached / unreal: required"))
        for digit in ["1", "0", "2", "0", "1", "0"] { Self.answer(digit, &station) }
        station.press([Key.enter])
        guard case .dissociationScored(let scoring) = station.orders.last else {
            Issue.record("no score")
            return
        }
        let expected: [Int] = [1, 0, 2, 0, 1, 0]
        #expect(scoring.items == expected)
        #expect(scoring.by.user == DoseFixtures.physician.id)
    }

    @Test func interventionIsRecordedWithItsKind() {
        var station = DoseStation()
        station.press([Key.character("v")])
        Self.answer("1", &station)
        Self.answer("ondansetron 4 mg IV", &station)
        Self.answer("2", &station)
        station.press([Key.enter])
        guard case .interventionRecorded(let record) = station.orders.last else {
            Issue.record("no intervention")
            return
        }
        #expect(record.kind == InterventionKind.antiemetic)
        #expect(record.text == "ondansetron 4 mg IV")
        #expect(record.isAdverseEvent)
    }

    @Test func signOffIsRefusedWithEverythingMissingListed() {
        var station = DoseStation()
        station.press([Key.character("D")])
        let frame = station.frame
        let missing: [String] = [
            "Infusion has not ended", "Aldrete score not entered", "IV not recorded as removed",
            "Responsible adult escort not confirmed", "Dissociation not recorded as resolved",
        ]
        for line in missing { #expect(frame.contains(line), "\(line)") }
        station.press([Key.enter])
        #expect(station.signOffs.isEmpty)
        #expect(station.screen.overlay == nil)
    }

    /// The infusion completed, observation passed and the whole checklist entered from the keyboard.
    static func readyForSignOff() -> DoseStation {
        var station = DoseStation()
        station.access = DoseFixtures.access(DoseFixtures.physician, policy: AccessPolicy(idleTimeout: 7200))
        station.rules.observationMinimum = 600
        let complete = PumpReport(
            chair: DoseFixtures.chair1, device: DeviceID("PMP01"), status: PumpStatus.complete, rate: MillilitersPerHour(0),
            volumeInfused: Milliliters(35), concentration: MilligramsPerMilliliter(1), measuredAt: station.now)
        station.apply(.pumpReported(complete))
        station.now = station.now.addingTimeInterval(601)
        // d, pick the item, Enter on the chooser's review; then the item's own form.
        station.press([Key.character("d")])
        answer("1", &station)
        station.press([Key.enter])
        for digit in ["2", "2", "2", "2", "1"] { answer(digit, &station) }
        station.press([Key.enter])
        for item in ["2", "3"] {
            station.press([Key.character("d")])
            answer(item, &station)
            station.press(enters(2))
        }
        station.press([Key.character("d")])
        answer("4", &station)
        station.press([Key.enter])
        answer("Sam Escort", &station)
        station.press([Key.enter])
        return station
    }

    @Test func completeChecklistAllowsSignOffWithThePINAgain() {
        var station = Self.readyForSignOff()
        let items = station.orders.filter { payload in
            if case .dischargeItemRecorded = payload { return true }
            return false
        }
        #expect(items.count == 4)
        station.press([Key.character("D")])
        let frame = station.frame
        #expect(frame.contains("Signer: Dr. Test (Physician)"))
        #expect(frame.contains("Meaning: Reviewed and approved for discharge"))
        #expect(frame.contains("Date and time: 2025-03-14 09:10:01"))
        station.press([Key.enter])  // the ID is the signed-in physician's
        station.type("2468")
        #expect(!station.frame.contains("2468"))
        station.press(Self.enters(2))
        let expected = ScreenEffect.signOff(
            chair: DoseFixtures.chair1, session: SessionID("S-01"), user: DoseFixtures.physician.id, pin: "2468")
        #expect(station.signOffs == [expected])
    }

    @Test func aNurseCannotSignOff() {
        var station = Self.readyForSignOff()
        station.access = DoseFixtures.access(DoseFixtures.nurse, policy: AccessPolicy(idleTimeout: 7200))
        station.press([Key.character("D")])
        #expect(station.frame.contains("Only a physician may sign a session off"))
        station.press([Key.enter])
        #expect(station.signOffs.isEmpty)
    }

    @Test func observationMinimumGatesSignOff() {
        var station = Self.readyForSignOff()
        station.rules.observationMinimum = 3600
        station.press([Key.character("D")])
        #expect(station.frame.contains("Sign-off refused; missing:"))
        #expect(station.frame.contains("Observation"))
    }

    @Test func amendmentAsksForTheSessionTheCorrectionAndThePIN() {
        var station = DoseStation()
        station.press([Key.character("M")])
        #expect(station.frame.contains("amend a signed session"))
        Self.answer("CHAIR-01-1741939200", &station)
        Self.answer("DOB is 1970-01-02", &station)
        station.press([Key.enter])  // the signed-in physician's ID
        station.type("2468")
        station.press(Self.enters(2))
        let expected = ScreenEffect.amend(
            session: SessionID("CHAIR-01-1741939200"), text: "DOB is 1970-01-02", user: DoseFixtures.physician.id, pin: "2468")
        #expect(station.signOffs == [expected])
        var nurse = DoseStation(signedIn: DoseFixtures.nurse)
        nurse.press([Key.character("M")])
        #expect(nurse.frame.contains("Only a physician may amend a signed session"))
    }
}
