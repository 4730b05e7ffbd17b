public import Foundation
public import InfusionCore

/// A verifier for tests: the "hash" is `plain:<pin>` (the real KDF lives in ClinicApp).
public struct PlainVerifier: PINVerifying {
    public init() {}
    public func verify(_ pin: String, against hash: String) -> Bool { hash == "plain:\(pin)" }
}

/// A one-chair clinic with an infusing pump and test users, for dose-control tests.
public enum DoseFixtures {
    public static let physician = UserAccount(id: UserID("dr.test"), printedName: "Dr. Test", role: .physician, pinHash: "plain:2468")
    public static let nurse = UserAccount(id: UserID("rn.test"), printedName: "Nurse Test", role: .nurse, pinHash: "plain:1357")
    public static let now = ClinicFixtures.now
    public static let chair1 = ChairID("CHAIR-01")
    public static let chair2 = ChairID("CHAIR-02")

    /// An authenticator with `user` signed in at `now`.
    public static func access(_ user: UserAccount?, policy: AccessPolicy = AccessPolicy()) -> Authenticator {
        var access = Authenticator(users: [physician, nurse], policy: policy, verifier: PlainVerifier())
        if let user {
            _ = access.signIn(user: user.id, pin: String(user.pinHash.dropFirst("plain:".count)), at: now)
        }
        return access
    }

    public static func rate(_ value: Double) -> MilligramsPerKilogramPerHour { MilligramsPerKilogramPerHour(value) }

    /// A one-chair clinic: `weight` kg, ketamine at `concentration`, pump infusing at `rate` since 10 min.
    public static func singleChair(weight: Double, concentration: Double, rate: Double) -> ClinicState {
        var script = ClinicEventScript()
        let chair = ClinicFixtures.configure(1, in: &script)
        let start = now.addingTimeInterval(-1200)
        let order = InfusionOrder.ketamineStandard(concentration: MilligramsPerMilliliter(concentration))
        script.add(.sessionStarted(SessionStart(
            session: SessionID("S-01"), chair: chair, patient: PatientIdentity(mrn: "MRN0001", name: "Pat Test", dateOfBirth: "1970-01-01"),
            weight: Kilograms(weight), weighedAt: start, order: order, baseline: [:], admittedAt: start)), at: start)
        let flow = DoseMath.flow(for: MilligramsPerKilogramPerHour(rate), weight: Kilograms(weight),
                                 concentration: MilligramsPerMilliliter(concentration))
        for time in [now.addingTimeInterval(-600), now.addingTimeInterval(-5)] {
            script.add(.pumpReported(PumpReport(
                chair: chair, device: DeviceID("PMP01"), status: .infusing, rate: flow, volumeInfused: .zero,
                concentration: MilligramsPerMilliliter(concentration), measuredAt: time)), at: time)
        }
        return script.state
    }
}
