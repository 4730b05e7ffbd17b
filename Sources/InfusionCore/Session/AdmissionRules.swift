/// Admission checks the clinic configures (`[sign_off]` in the clinic file).
///
/// Clinics usually delay an infusion when the baseline blood pressure is above 140/90
/// (domain §1): the station warns and asks for a reason before it admits.
public struct AdmissionRules: Hashable, Codable, Sendable {
    /// Baseline systolic above which admission needs a reason (mmHg).
    public var delaySystolicAbove: Double
    /// Baseline diastolic above which admission needs a reason (mmHg).
    public var delayDiastolicAbove: Double

    public init(delaySystolicAbove: Double = 140, delayDiastolicAbove: Double = 90) {
        self.delaySystolicAbove = delaySystolicAbove
        self.delayDiastolicAbove = delayDiastolicAbove
    }

    /// The warning for a baseline, or nil when it is within the limits.
    public func baselineWarning(systolic: Double, diastolic: Double) -> String? {
        guard systolic > delaySystolicAbove || diastolic > delayDiastolicAbove else { return nil }
        return "Baseline BP \(VitalKind.systolic.format(systolic))/\(VitalKind.diastolic.format(diastolic)) is above "
            + "\(VitalKind.systolic.format(delaySystolicAbove))/\(VitalKind.diastolic.format(delayDiastolicAbove)): "
            + "clinics usually delay; give a reason to go on"
    }
}
