/// Wraps a message in MLLP framing: `0x0B` message `0x1C 0x0D`.
///
/// Used for every ACK this station sends.
public enum MLLPFrameEncoder {
    /// The framed bytes of `message`.
    public static func encode(_ message: some Collection<UInt8>) -> [UInt8] {
        var framed: [UInt8] = [MLLPFrameDecoder.startBlock]
        framed.reserveCapacity(message.count + 3)
        framed.append(contentsOf: message)
        framed.append(MLLPFrameDecoder.endBlock)
        framed.append(MLLPFrameDecoder.carriageReturn)
        return framed
    }
}
