import Foundation
import InfusionCore
import Testing

@testable import Devices

@Suite("Simulated monitor and pump cadence")
struct SimulationCadenceTests {
    @Test("the first events name the clinic, configure chairs, register simulated devices and link them")
    func setUpEvents() {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic(chairs: 2))
        let payloads = clinic.advance(to: SimulationFixture.start)

        #expect(payloads.first == .clinicNamed("Test clinic"))
        let chairs = payloads.compactMap { if case .chairConfigured(let chair) = $0 { chair.id } else { nil } }
        #expect(chairs == [ChairID("CHAIR-01"), ChairID("CHAIR-02")])
        let devices = payloads.compactMap { if case .deviceRegistered(let device) = $0 { device } else { nil } }
        #expect(devices.map(\.label) == ["MON01", "PUMP01", "MON02", "PUMP02"])
        #expect(devices.allSatisfy { $0.isSimulated && $0.expectedInterval == 5 && $0.timeout == 30 })
        #expect(devices.map(\.kind) == [.monitor, .pump, .monitor, .pump])
        let links = payloads.compactMap { if case .deviceLinkChanged(let link) = $0 { link } else { nil } }
        #expect(links.count == 4 && links.allSatisfy { $0.state == .connected })
        // Set-up comes before anything else.
        let lastSetUp = payloads.lastIndex { if case .deviceLinkChanged = $0 { true } else { false } }!
        #expect(payloads[..<lastSetUp].allSatisfy { $0.chair == nil || !isSessionOrReport($0) })
    }

    @Test("set-up events come once; advancing to the same time again adds nothing")
    func setUpOnce() {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        _ = clinic.advance(to: SimulationFixture.at(30))
        #expect(clinic.advance(to: SimulationFixture.at(30)).isEmpty)
        #expect(clinic.advance(to: SimulationFixture.at(20)).isEmpty)
        let next = clinic.advance(to: SimulationFixture.at(40))
        #expect(!next.isEmpty)
        #expect(!next.contains { if case .clinicNamed = $0 { true } else { false } })
    }

    @Test("periodic vitals and concentration estimates every 5 s, with device time = simulated time")
    func vitalsEveryFiveSeconds() {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let events = clinic.advanceEvents(to: SimulationFixture.at(600))
        let vitals = events.filter(\.isPeriodicVitals)
        let times = vitals.map(SimulationFixture.seconds)
        #expect(vitals.count >= 119)
        #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 == 5 })
        let kinds = Set(vitals[0].vitals!.samples.map(\.kind))
        #expect(kinds == [.heartRate, .spo2, .respiratoryRate, .etco2, .temperature])
        #expect(vitals.allSatisfy { event in event.vitals!.samples.allSatisfy { $0.measuredAt == event.at } })
        let estimates = events.filter(\.isConcentration).map(SimulationFixture.seconds)
        #expect(estimates == times)
    }

    @Test("NIBP at admission, every 10 min while infusing, every 15 min after")
    func bloodPressureCadence() throws {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let all = clinic.advanceEvents(to: SimulationFixture.at(3 * 3600))
        // The first patient's session only (the next patient starts a new cycle).
        let end = try #require(all.first(where: { if case .sessionEnded = $0.payload { true } else { false } }))
        let events = all.filter { $0.at < end.at }
        let readings = events.filter(\.isBloodPressure).map(SimulationFixture.seconds)
        let completionEvent = try #require(events.first(where: { $0.pumpReport?.status == .complete }))
        let completion = SimulationFixture.seconds(completionEvent)

        #expect(readings.first == 0)  // admission baseline
        let second = try #require(readings.dropFirst().first)
        #expect(second == 720)  // the pump starts at 2 min: 10 min cadence from then
        let gaps = zip(readings, readings.dropFirst()).map { (start: $0, gap: $1 - $0) }
        #expect(gaps.filter { $0.start >= 120 && $0.start < completion }.allSatisfy { $0.gap == 600 })
        #expect(gaps.filter { $0.start >= completion }.allSatisfy { $0.gap == 900 })
        #expect(gaps.contains { $0.gap == 900 })
        let sample = try #require(events.first(where: \.isBloodPressure)?.vitals)
        #expect(sample.samples.map(\.kind) == [.systolic, .diastolic, .meanPressure])
    }

    @Test("the pump reports every 5 s and at once on a change")
    func pumpReports() throws {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic())
        let events = clinic.advanceEvents(to: SimulationFixture.at(300))
        let reports = events.compactMap(\.pumpReport)
        let start = try #require(reports.first { $0.status == .infusing })
        #expect(start.measuredAt == SimulationFixture.at(120))  // not on the 5 s grid (phase 2)
        #expect(start.concentration == MilligramsPerMilliliter(1))
        let periodic = reports.filter { $0.measuredAt != start.measuredAt }.map { $0.measuredAt.timeIntervalSince(SimulationFixture.start) }
        #expect(zip(periodic, periodic.dropFirst()).allSatisfy { $1 - $0 == 5 })
        let idle = reports.filter { $0.status == .idle }
        #expect(idle.allSatisfy { $0.rate == .zero && $0.volumeInfused == .zero })
        let last = try #require(reports.last)
        // The volume is the programmed rate over the time since the start at 120 s.
        let delivering = last.measuredAt.timeIntervalSince(start.measuredAt)
        #expect(delivering > 170)
        #expect(abs(last.volumeInfused.value - last.rate.value * delivering / 3600) < 1e-6)
    }

    @Test("the programmed rate is the order's flow for the patient's weight, to 0.1 mL/h")
    func programmedRate() throws {
        var clinic = SimulatedClinic(configuration: SimulationFixture.clinic(concentration: 0.4))
        let events = clinic.advanceEvents(to: SimulationFixture.at(130))
        let start = try #require(events.compactMap(\.sessionStart).first)
        let report = try #require(events.compactMap(\.pumpReport).first { $0.status == .infusing })
        let expected = start.order.flow(weight: start.weight).value
        #expect(abs(report.rate.value - expected) <= 0.05)
        #expect(report.concentration == MilligramsPerMilliliter(0.4))
        #expect(start.order.concentration == MilligramsPerMilliliter(0.4))
    }

    private func isSessionOrReport(_ payload: ClinicEventPayload) -> Bool {
        switch payload {
        case .sessionStarted, .pumpReported, .vitalsObserved, .concentrationsEstimated: true
        default: false
        }
    }
}
