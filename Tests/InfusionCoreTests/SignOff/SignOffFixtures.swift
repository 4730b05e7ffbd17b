import Foundation
import InfusionCore
import TestSupport

/// One scripted session on CHAIR-01 from admission to a complete discharge checklist.
///
/// Admitted at `t(0)` (baseline HR 70, SYS 120, DIA 78); pump infusing from `t(2)`,
/// complete at `t(42)`; CADSS at 2, 42 and 72 min; NIBP 126/80 at `t(100)`; HR about 70
/// every minute from `t(95)` to `t(130)`;
/// Aldrete 10, dissociation resolved, IV removed, escort confirmed by `t(101)`. With the
/// default rules (observation 60 min) sign-off is allowed from `t(102)`.
enum SignOffFixtures {
    static let chair = ChairID("CHAIR-01")
    static let session = SessionID("S-01")
    static let physician = DoseFixtures.physician.identity
    static let nurse = DoseFixtures.nurse.identity
    static let rules = SignOffRules()

    /// `ClinicFixtures.start` plus `minutes`.
    static func t(_ minutes: Double) -> Date { ClinicFixtures.start.addingTimeInterval(minutes * 60) }

    /// Which checklist entries the script includes.
    struct Options {
        var aldrete: AldreteScore? = try? AldreteScore(activity: 2, respiration: 2, circulation: 2, consciousness: 2, oxygenSaturation: 2)
        var dissociationResolved = true
        var ivRemoved = true
        var escort: String? = "J. Smith"
        var completeInfusion = true
        var systolicAt100: Double = 126
    }

    static func script(_ options: Options = Options()) -> ClinicEventScript {
        var script = ClinicEventScript()
        ClinicFixtures.configure(1, in: &script)
        ClinicFixtures.admit(chair, number: 1, name: "Pat Test", weight: 80, at: t(0), in: &script)
        ClinicFixtures.pump(chair, number: 1, .infusing, flow: 60, from: t(2), lastAt: t(30), in: &script)
        if options.completeInfusion {
            ClinicFixtures.pump(chair, number: 1, .complete, flow: 0, from: t(42), lastAt: t(43), startVolume: 40, in: &script)
        }
        for (minute, items) in [(2.0, [0, 0, 0, 0, 0, 0]), (42, [2, 1, 2, 1, 1, 0]), (72, [0, 1, 0, 0, 0, 0])] {
            script.add(.dissociationScored(DissociationScoring(chair: chair, session: session, items: items, by: nurse, at: t(minute))), at: t(minute))
        }
        script.add(.interventionRecorded(InterventionRecord(
            chair: chair, session: session, kind: .antiemetic, text: "ondansetron 4 mg IV", isAdverseEvent: false, by: nurse, at: t(50))),
            at: t(50))
        ClinicFixtures.nibp(chair, number: 1, at: t(100), options.systolicAt100, 80, 95, in: &script)
        ClinicFixtures.vitals(chair, number: 1, from: t(95), to: t(130), heartRate: 70, in: &script)
        var items: [DischargeItem] = []
        if let aldrete = options.aldrete { items.append(.aldrete(aldrete)) }
        if options.dissociationResolved { items.append(.dissociationResolved) }
        if options.ivRemoved { items.append(.ivRemoved) }
        if let escort = options.escort { items.append(.escortConfirmed(name: escort)) }
        for item in items {
            script.add(.dischargeItemRecorded(DischargeItemRecord(chair: chair, session: session, item: item, by: nurse, at: t(101))), at: t(101))
        }
        return script
    }

    /// A discharge signature by the physician at `minute`, bound to `hash` (tests of the reducer only).
    static func signature(at minute: Double, through sequence: UInt64, hash: String = String(repeating: "0", count: 64)) -> SessionSignature {
        SessionSignature(chair: chair, session: session, signer: physician, at: t(minute), recordThroughSequence: sequence, recordHash: hash)
    }
}
