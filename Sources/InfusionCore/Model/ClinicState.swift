public import Foundation

/// The whole clinic: the model the screen draws. A value; the reducer is the only writer.
public struct ClinicState: Hashable, Codable, Sendable {
    public var clinicName: String = "Infusion Central"
    /// Chairs in configuration order (the board's order).
    public private(set) var chairs: [ChairState] = []
    public var devices: [DeviceID: DeviceDescriptor] = [:]
    /// Sequence of the last event applied (replay resumes after it).
    public var lastSequence: UInt64 = 0
    /// Receipt time of the last event applied.
    public var lastEventAt: Date?
    private var chairIndex: [ChairID: Int] = [:]

    public init() {}

    public subscript(chair id: ChairID) -> ChairState? {
        chairIndex[id].map { chairs[$0] }
    }

    /// Whether any device on the board is simulated (the header then says so).
    public var hasSimulatedDevices: Bool { devices.values.contains { $0.isSimulated } }

    /// Chairs with an open session.
    public var activeChairCount: Int { chairs.filter(\.isOccupied).count }

    mutating func addChair(_ descriptor: ChairDescriptor) {
        if let index = chairIndex[descriptor.id] {
            chairs[index].label = descriptor.label
            return
        }
        chairIndex[descriptor.id] = chairs.count
        chairs.append(ChairState(id: descriptor.id, label: descriptor.label))
    }

    /// Applies `change` to a chair if it exists; events for unknown chairs change nothing.
    mutating func updateChair(_ id: ChairID, _ change: (inout ChairState) -> Void) {
        guard let index = chairIndex[id] else { return }
        change(&chairs[index])
    }
}
