/// Remembers the last `capacity` accepted messages by MSH-3 + MSH-10 and a digest of
/// their bytes, so a resend is ACKed without being applied twice and a reused control
/// id with other content is caught (AE 205).
///
/// Memory is bounded: the oldest key is forgotten when a new one would exceed the
/// capacity. The digest is 64-bit FNV-1a over the message with trailing CR/LF removed
/// (some senders drop the last CR on a resend).
public struct DuplicateFilter: Sendable {
    /// What a message is, compared with the remembered ones.
    public enum Verdict: Hashable, Sendable {
        /// Never seen (or forgotten): process it.
        case new
        /// Same key, same bytes: ACK AA, apply nothing.
        case resend
        /// Same key, different bytes: AE 205.
        case conflict
    }

    public let capacity: Int
    private var digests: [String: UInt64] = [:]
    private var order: [String] = []
    private var oldest = 0

    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// How many messages are remembered.
    public var count: Int { digests.count }

    /// Classifies a message without remembering it.
    public func classify(sendingApplication: String, controlID: String, content: some Collection<UInt8>) -> Verdict {
        guard let known = digests[Self.key(sendingApplication, controlID)] else { return .new }
        return known == Self.digest(content) ? .resend : .conflict
    }

    /// Remembers an accepted message.
    public mutating func remember(sendingApplication: String, controlID: String, content: some Collection<UInt8>) {
        let key = Self.key(sendingApplication, controlID)
        if digests.updateValue(Self.digest(content), forKey: key) != nil { return }
        if order.count < capacity {
            order.append(key)
        } else {
            digests[order[oldest]] = nil
            order[oldest] = key
            oldest = (oldest + 1) % capacity
        }
    }

    private static func key(_ application: String, _ controlID: String) -> String { application + "\u{1F}" + controlID }

    static func digest(_ content: some Collection<UInt8>) -> UInt64 {
        var bytes = Array(content)
        while let last = bytes.last, last == 0x0D || last == 0x0A { bytes.removeLast() }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
