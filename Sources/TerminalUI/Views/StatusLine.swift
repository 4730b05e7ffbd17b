public import Foundation
public import InfusionCore

/// One plain-text line per chair, for `--headless` mode and logs.
///
/// Plain text has no dimming, so a stale value says so in words (`HR 72 (stale 20s)`);
/// an expired or unavailable one is `--`, and a simulated chair ends with `SIM`.
///
/// ```
/// CHAIR-01 A.T. 0001 INFUSING 20:00/40:00 0.75mg/kg/h 60.0mL/h 19.9/40.0mg HR 72 SpO2 98 BP 124/78(93) 4m RR 14 EtCO2 38 MON ok PMP ok SIM
/// ```
public enum StatusLine {
    /// The line for `chair` of `clinic` at `now`.
    public static func text(
        for chair: ChairState, in clinic: ClinicState, now: Date, policy: FreshnessPolicy = FreshnessPolicy()
    ) -> String {
        let summary = ChairSummary(chair: chair, clinic: clinic, now: now, policy: policy)
        var parts = [summary.label, summary.patient ?? "free"]
        if let phase = summary.phase { parts.append(phase.label) }
        if let elapsed = summary.elapsed { parts.append(elapsed) }
        if let status = summary.pumpStatus { parts.append(summary.flow == nil ? "pump \(status)" : status) }
        if let doseRate = summary.doseRate { parts.append(plain(doseRate)) }
        if let flow = summary.flow { parts.append(plain(flow)) }
        if let dose = summary.dose { parts.append(dose) }
        parts.append("HR " + plain(summary.heartRate))
        parts.append("SpO2 " + plain(summary.spo2))
        parts.append("BP " + plain(summary.bloodPressure))
        parts.append("RR " + plain(summary.respiratoryRate))
        parts.append("EtCO2 " + plain(summary.etco2))
        for link in summary.links { parts.append("\(link.name) \(link.status.word)") }
        if summary.isSimulated { parts.append("SIM") }
        return parts.joined(separator: " ")
    }

    /// Lines for every chair, in board order.
    public static func lines(for clinic: ClinicState, now: Date, policy: FreshnessPolicy = FreshnessPolicy()) -> [String] {
        clinic.chairs.map { text(for: $0, in: clinic, now: now, policy: policy) }
    }

    static func plain(_ value: DisplayValue) -> String {
        switch value.status {
        case .missing: "--"
        case .current: value.rendered()
        case .stale(let age): "\(value.text) (stale \(DurationText.age(value.age ?? age)))"
        }
    }
}
