import Foundation
import InfusionCore

/// A volumetric pump under simulation: program, delivery, completion at the volume to be
/// infused, remote commands with a confirmation delay, occlusion alarms and silences.
///
/// Volume is integrated from the flowing rate in whole simulated seconds, and every change
/// of status or rate is reported at once, so the station's dose integral (rate reported ×
/// time between reports) matches the pump's own volume.
struct SimulatedPump: Sendable {
    let chair: ChairID
    let device: DeviceID
    private(set) var status: PumpStatus = .idle
    /// The rate programmed; reported only while fluid flows (0 mL/h otherwise).
    private(set) var programmedRate: MillilitersPerHour = .zero
    private(set) var concentration: MilligramsPerMilliliter
    private(set) var volumeToBeInfused: Milliliters = .zero
    private(set) var volumeInfused: Milliliters = .zero
    /// Commands received and waiting for their confirmation delay, in arrival order.
    private var pending: [(due: Int, command: PumpCommand)] = []
    private var isOccluded = false
    /// Whether delivery restarts when the occlusion clears (it stopped delivery, or a start came during it).
    private var resumesAfterOcclusion = false
    /// A change not yet reported.
    private var hasUnreportedChange = false
    /// Changes made while silent, sent with their original times when the link returns.
    private var buffered: [PumpReport] = []

    init(chair: ChairID, device: DeviceID, concentration: MilligramsPerMilliliter) {
        self.chair = chair
        self.device = device
        self.concentration = concentration
    }

    /// The flow the pump reports: the programmed rate while fluid flows, else 0.
    var reportedRate: MillilitersPerHour { status.isFlowing ? programmedRate : .zero }

    /// Drug mass per hour entering the patient now.
    var massRate: MilligramsPerHour { DoseMath.massRate(reportedRate, concentration: concentration) }

    // MARK: - Delivery

    /// Delivers for `seconds` at the current rate; completes at the volume to be infused.
    mutating func deliver(seconds: TimeInterval) {
        guard status.isDelivering, programmedRate.value > 0 else { return }
        volumeInfused += DoseMath.volume(programmedRate, over: seconds)
        if volumeToBeInfused.value > 0, volumeInfused.value >= volumeToBeInfused.value - 1e-9 {
            volumeInfused = volumeToBeInfused
            change(to: .complete)
        }
    }

    /// Loads a new program (idle until started); clears the volume counter.
    mutating func program(rate: MillilitersPerHour, concentration: MilligramsPerMilliliter, volume: Milliliters) {
        programmedRate = rate
        self.concentration = concentration
        volumeToBeInfused = volume
        volumeInfused = .zero
        change(to: .idle)
        hasUnreportedChange = true
    }

    /// Starts delivery of the loaded program (the nurse presses start).
    mutating func start() {
        guard status == .idle || status == .paused, programmedRate.value > 0,
            volumeInfused < volumeToBeInfused
        else { return }
        if isOccluded {
            resumesAfterOcclusion = true
            change(to: .alarmStopped)
        } else {
            change(to: .infusing)
        }
    }

    /// Back to idle with no program, for the next patient.
    mutating func reset() {
        programmedRate = .zero
        volumeToBeInfused = .zero
        volumeInfused = .zero
        pending = []
        resumesAfterOcclusion = false
        change(to: .idle)
        hasUnreportedChange = true
    }

    /// Puts the pump back where a recovered session left it (the station restarted while
    /// the pump went on): its program, the volume delivered and its status, reported at the
    /// next step. `completedAt` is set when the pump reached its volume while the station was
    /// down: that completion is sent first, with its original time, as a pump that was
    /// offline sends its buffered events.
    mutating func restore(
        status: PumpStatus, rate: MillilitersPerHour, concentration: MilligramsPerMilliliter,
        volumeToBeInfused: Milliliters, volumeInfused: Milliliters, completedAt: Date?
    ) {
        reset()
        programmedRate = rate
        self.concentration = concentration
        self.volumeToBeInfused = volumeToBeInfused
        self.volumeInfused = volumeInfused
        self.status = status
        if let completedAt { buffered.append(currentReport(at: completedAt)) }
        hasUnreportedChange = true
    }

    // MARK: - Remote commands

    /// Queues a command to be applied at `due` (receipt time plus the confirmation delay).
    mutating func receive(_ command: PumpCommand, due: Int) {
        pending.append((due, command))
    }

    /// Applies every queued command whose time has come, in arrival order.
    mutating func applyCommands(dueBy tick: Int) {
        guard !pending.isEmpty, pending.contains(where: { $0.due <= tick }) else { return }
        let due = pending.filter { $0.due <= tick }
        pending.removeAll { $0.due <= tick }
        for entry in due { apply(entry.command) }
    }

    private mutating func apply(_ command: PumpCommand) {
        switch command {
        case .setRate(let rate):
            guard rate.value > 0, rate.value.isFinite, status != .complete, status != .stopped else { return }
            programmedRate = rate
            hasUnreportedChange = true
        case .pause:
            if status.isDelivering {
                change(to: .paused)
            } else if status == .alarmStopped {
                resumesAfterOcclusion = false
                change(to: .paused)
            }
        case .resume:
            start()
        case .stop:
            guard status != .complete, status != .stopped else { return }
            resumesAfterOcclusion = false
            change(to: .stopped)
        }
    }

    // MARK: - Occlusion

    /// Starts or clears an occlusion. Starting stops delivery with an alarm; clearing
    /// restarts the delivery the occlusion interrupted.
    mutating func setOccluded(_ occluded: Bool) {
        guard occluded != isOccluded else { return }
        isOccluded = occluded
        if occluded {
            if status.isDelivering {
                resumesAfterOcclusion = true
                change(to: .alarmStopped)
            }
        } else if status == .alarmStopped {
            if resumesAfterOcclusion { change(to: .infusing) }
            resumesAfterOcclusion = false
        }
    }

    // MARK: - Reports

    /// The reports to send at `date`: any unreported change, else a periodic status when
    /// `periodicDue`. While `isSilent` reports are withheld (changes are buffered with their
    /// original time and sent, oldest first, once the pump is heard again).
    mutating func reports(at date: Date, periodicDue: Bool, isSilent: Bool) -> [PumpReport] {
        guard hasUnreportedChange || periodicDue || !buffered.isEmpty else { return [] }
        let needsReport = hasUnreportedChange || periodicDue
        var report: PumpReport?
        if needsReport { report = currentReport(at: date) }
        let changed = hasUnreportedChange
        hasUnreportedChange = false
        if isSilent {
            if changed, let report { buffered.append(report) }
            return []
        }
        var out = buffered
        buffered = []
        if let report {
            out.append(report)
        } else if !out.isEmpty {
            out.append(currentReport(at: date))
        }
        return out
    }

    func currentReport(at date: Date) -> PumpReport {
        PumpReport(
            chair: chair, device: device, status: status, rate: reportedRate, volumeInfused: volumeInfused,
            concentration: concentration, measuredAt: date,
            alarmReason: status == .alarmStopped ? "occlusion" : nil)
    }

    private mutating func change(to newStatus: PumpStatus) {
        guard newStatus != status else { return }
        status = newStatus
        hasUnreportedChange = true
    }
}
