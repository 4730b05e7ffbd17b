import Foundation
import InfusionCore

/// A made-up patient arriving at a simulated chair: identity, weight, resting vitals and
/// the seed of their virtual physiology, all drawn from the chair's seeded generator.
///
/// Names are invented; MRNs start with `SIM` so a simulated record can never be taken for
/// a real one.
struct SimulatedAdmission: Sendable {
    var identity: PatientIdentity
    var weight: Kilograms
    var baseline: BaselineVitals
    var patientSeed: UInt64

    static let givenNames = [
        "Ada", "Ben", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Kemi", "Luca", "Maya", "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tara",
    ]
    static let familyNames = [
        "Abbott", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quispe",
        "Rossi", "Silva", "Tanaka",
    ]

    /// Draws the next patient. `baseline` overrides the drawn resting vitals (the draws are
    /// made anyway so the rest of the stream does not shift).
    static func draw(using generator: inout SeededGenerator, baseline override: BaselineVitals?) -> SimulatedAdmission {
        func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + generator.nextUnitInterval() * (range.upperBound - range.lowerBound)
        }
        func integer(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(generator.next() % UInt64(range.count))
        }
        let given = givenNames[integer(0...givenNames.count - 1)]
        let family = familyNames[integer(0...familyNames.count - 1)]
        let mrn = RecoveredSession.simulatedMRNPrefix + String(integer(100_000...999_999))
        let birthYear = integer(1955...2003), birthMonth = integer(1...12), birthDay = integer(1...28)
        let weight = (uniform(55...110) * 10).rounded() / 10
        let systolic = uniform(108...134).rounded()
        let drawn = BaselineVitals(
            heartRateBeatsPerMinute: uniform(60...84).rounded(),
            systolicMillimetersOfMercury: systolic,
            diastolicMillimetersOfMercury: (systolic * uniform(0.58...0.68)).rounded(),
            respiratoryRateBreathsPerMinute: uniform(12...16).rounded(),
            spo2Percent: uniform(96...99),
            etco2MillimetersOfMercury: uniform(35...41),
            temperatureCelsius: uniform(36.4...37.1))
        let seed = generator.next()
        return SimulatedAdmission(
            identity: PatientIdentity(
                mrn: mrn, name: "\(given) \(family)",
                dateOfBirth: "\(birthYear)-\(twoDigits(birthMonth))-\(twoDigits(birthDay))"),
            weight: Kilograms(weight),
            baseline: override ?? drawn,
            patientSeed: seed)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
