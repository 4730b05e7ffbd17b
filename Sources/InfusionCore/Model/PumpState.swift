import Foundation

/// The pump as last reported, and what it delivered since the session began.
public struct PumpState: Hashable, Codable, Sendable {
    public var device: DeviceID
    /// The latest report (by device time); the screen's rate and status come only from here.
    public var lastReport: PumpReport

    public init(device: DeviceID, lastReport: PumpReport) {
        self.device = device
        self.lastReport = lastReport
    }

    public var status: PumpStatus { lastReport.status }
    public var rate: MillilitersPerHour { lastReport.rate }
}
