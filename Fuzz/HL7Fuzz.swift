// libFuzzer entry point for the HL7 target: arbitrary bytes through the MLLP decoder,
// the parser, the PCD reader and mapper, the duplicate filter and the ACK builder.
// Besides "no crash", it checks invariants: every ACK parses, its MSA-1 matches the
// outcome, and escaping round-trips. Build and run with `Fuzz/run.sh SECONDS`.
import Foundation
import HL7

nonisolated(unsafe) private var receiver = HL7Receiver(registry: .sampleClinic, duplicates: DuplicateFilter(capacity: 64))
nonisolated(unsafe) private var decoder = MLLPFrameDecoder(maximumFrameSize: 4096, oversizedHeaderSize: 512)
private let now = Date(timeIntervalSince1970: 1_741_942_800)

@_cdecl("LLVMFuzzerTestOneInput")
public func hl7FuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    check(receiver.receive(bytes, at: now))
    for event in decoder.feed(bytes) {
        switch event {
        case .frame(let frame): check(receiver.receive(frame, at: now))
        case .oversized(let header, let count): check(receiver.receiveOversized(header: header, byteCount: count, at: now))
        case .garbage, .abandoned: break
        }
    }
    let text = String(decoding: bytes.prefix(256), as: UTF8.self)
    let encoded = HL7Escaping.encode(text)
    let decoded = HL7Escaping.decode(ArraySlice(encoded.utf8), separators: .standard)
    precondition(decoded == text, "escaping does not round-trip")
    return 0
}

private func check(_ result: HL7Receiver.Result) {
    let ack: HL7Message
    do {
        ack = try HL7Message(bytes: result.ack)
    } catch {
        fatalError("ACK does not parse: \(error) \(String(decoding: result.ack, as: UTF8.self))")
    }
    guard let msa = ack.firstSegment(named: "MSA") else { fatalError("ACK has no MSA") }
    let code = ack.field(1, of: msa).text
    switch result.outcome {
    case .accepted, .duplicate: precondition(code == "AA", "accepted but ACK says \(code)")
    case .rejected(let error):
        precondition(code == error.acknowledgment.rawValue, "ACK code \(code) != \(error.acknowledgment.rawValue)")
        precondition(ack.firstSegment(named: "ERR") != nil, "rejection without ERR")
    }
    precondition(ack.segments.count == (result.outcome.isRejected ? 3 : 2), "ACK has extra segments")
}

extension HL7Receiver.Outcome {
    fileprivate var isRejected: Bool { if case .rejected = self { true } else { false } }
}
