import Foundation
import InfusionCore
import Testing

@Suite("Data freshness")
struct FreshnessTests {
    let now = Date(timeIntervalSince1970: 1_741_939_200)
    let monitor = DeviceDescriptor(
        id: DeviceID("MON01"), label: "MON01", kind: .monitor, chair: ChairID("CHAIR-01"), isSimulated: true,
        expectedInterval: 5, timeout: 30)

    func reading(age: TimeInterval) -> VitalReading {
        VitalReading(value: 72, measuredAt: now - age, receivedAt: now - age, device: monitor.id)
    }

    @Test("Periodic values: current, then stale past two intervals, then expired past the timeout")
    func periodic() {
        let policy = FreshnessPolicy()
        #expect(policy.freshness(of: reading(age: 4), kind: .heartRate, device: monitor, at: now) == .current)
        #expect(policy.freshness(of: reading(age: 11), kind: .heartRate, device: monitor, at: now) == .stale(age: 11))
        #expect(policy.freshness(of: reading(age: 31), kind: .heartRate, device: monitor, at: now) == .expired(age: 31))
    }

    @Test("NIBP readings keep their age and go stale only past the cycle")
    func episodic() {
        let policy = FreshnessPolicy(nibpStaleAfter: 17 * 60, nibpExpireAfter: 35 * 60)
        #expect(policy.freshness(of: reading(age: 600), kind: .systolic, device: monitor, at: now) == .current)
        #expect(policy.freshness(of: reading(age: 1100), kind: .systolic, device: monitor, at: now) == .stale(age: 1100))
        #expect(policy.freshness(of: reading(age: 2200), kind: .systolic, device: monitor, at: now).isExpired)
    }

    @Test("A device is silent past its timeout, or when never heard")
    func silence() {
        let policy = FreshnessPolicy()
        #expect(policy.isSilent(monitor, lastHeard: nil, at: now))
        #expect(!policy.isSilent(monitor, lastHeard: now - 29, at: now))
        #expect(policy.isSilent(monitor, lastHeard: now - 31, at: now))
    }

    @Test("A manual clock moves only when told; a scaled clock runs N times faster")
    func clocks() {
        let manual = ManualClock(now)
        #expect(manual.now() == now)
        manual.advance(by: 10)
        #expect(manual.now() == now + 10)
        let scaled = ScaledClock(speed: 60, origin: now, wallClock: manual)
        manual.advance(by: 2)
        #expect(scaled.now() == now + 120)
    }
}
