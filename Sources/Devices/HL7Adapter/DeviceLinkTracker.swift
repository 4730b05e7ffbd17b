import InfusionCore

/// Which open connections carry which device's messages, to report a device's link up
/// when its first message arrives and down a grace period after the last connection that
/// carried it closed. Pure; the ingest holds it under its lock.
///
/// A TCP connection usually comes from a gateway, not the device itself, so this is best
/// effort: a device is "connected" while some open connection has carried a message of it.
struct DeviceLinkTracker: Sendable {
    private var carriers: [DeviceID: Set<UInt64>] = [:]
    private var connected: Set<DeviceID> = []
    /// Bumped whenever a device is heard, so a pending "lost" from an earlier close is void.
    private var generations: [DeviceID: UInt64] = [:]

    /// Records that `connection` carried a message of `device`; true when its link just came up.
    mutating func carried(_ device: DeviceID, by connection: UInt64) -> Bool {
        carriers[device, default: []].insert(connection)
        generations[device, default: 0] &+= 1
        return connected.insert(device).inserted
    }

    /// A connection closed: the devices no open connection carries any more, each with the
    /// generation `expire` must be given when the grace period ends.
    mutating func closed(_ connection: UInt64) -> [(device: DeviceID, generation: UInt64)] {
        var orphaned: [(device: DeviceID, generation: UInt64)] = []
        for (device, connections) in carriers where connections.contains(connection) {
            var remaining = connections
            remaining.remove(connection)
            if remaining.isEmpty {
                carriers[device] = nil
                orphaned.append((device, generations[device, default: 0]))
            } else {
                carriers[device] = remaining
            }
        }
        return orphaned.sorted { $0.device < $1.device }
    }

    /// The grace period after `closed` ended: true when the link is now lost (nothing has
    /// carried the device since).
    mutating func expire(_ device: DeviceID, generation: UInt64) -> Bool {
        guard generations[device, default: 0] == generation, carriers[device] == nil else { return false }
        return connected.remove(device) != nil
    }

    /// The listener stops: every device still up is lost.
    mutating func expireAll() -> [DeviceID] {
        let devices = connected.sorted()
        connected = []
        carriers = [:]
        for device in devices { generations[device, default: 0] &+= 1 }
        return devices
    }
}
