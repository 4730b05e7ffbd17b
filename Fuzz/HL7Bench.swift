// Throughput of the HL7 target on one core, built with -O -wmo by `Fuzz/bench.sh`, which
// runs python `hl7` on the same message in the same run and prints the ratio.
//
//   hl7-bench <samples folder> [rounds]
//
// 1. "parse + access": `HL7Message(bytes:)` on the PCD-01 vitals sample, then MSH-10 and,
//    for every OBX, OBX-3.1 and OBX-5 as `String`s: the same work the python side does
//    (`hl7.parse` + `str(...)` of those fields). Printed per round, then
//    `RESULT swift-parse <median msg/s>` for the script.
// 2. "parse + read + map": the whole path of a device message short of the ACK
//    (`PCDReportReader` + `PCDMapper`), for a PCD-01 and a PCD-10 sample.
// 3. "MLLP frame -> receive -> framed ACK": the listener's per-frame CPU work, no network.
import Foundation
import HL7

@main
struct HL7Bench {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let root = arguments.first ?? "Tests/HL7Tests/Samples"
        let rounds = arguments.dropFirst().first.flatMap(Int.init) ?? 5
        let vitals = try sample(root, "01_pcd01_chair1_vitals")

        var checksum = 0
        let parse = try measure("parse + access 01_pcd01_chair1_vitals", rounds: rounds, count: 100_000) {
            checksum &+= try parseAndAccess(vitals)
        }
        print("RESULT swift-parse \(Int(parse))")

        let reader = PCDReportReader()
        let mapper = PCDMapper(registry: .sampleClinic)
        for name in ["01_pcd01_chair1_vitals", "02_pcd01_chair1_nibp", "09_pcd10_chair1_pump_start"] {
            let bytes = try sample(root, name)
            let payloads = try mapper.map(reader.read(HL7Message(bytes: bytes))).payloads.count
            let rate = try measure("parse + read + map \(name) (\(bytes.count) bytes, \(payloads) payloads)", rounds: rounds, count: 50_000) {
                checksum &+= try mapper.map(reader.read(HL7Message(bytes: bytes))).payloads.count
            }
            print("RESULT swift-map-\(name.prefix(2)) \(Int(rate))")
        }

        // 3. What the MLLP listener does per frame: decode the framing, `HL7Receiver.receive`
        //    (parse, read, duplicate check, map, ACK), frame the ACK. 1,000 variants with
        //    their own control ids in turn, so every frame is new (duplicate memory of 16).
        let text = String(decoding: vitals, as: UTF8.self)
        let framed = (0..<1000).map { number in
            MLLPFrameEncoder.encode(Array(text.replacingOccurrences(of: "|KCM-000001|P|", with: "|KCM-\(900_000 + number)|P|").utf8))
        }
        var receiver = HL7Receiver(registry: .sampleClinic, duplicates: DuplicateFilter(capacity: 16))
        var decoder = MLLPFrameDecoder()
        let now = Date()
        var next = 0
        let received = measure("MLLP frame -> receive -> framed ACK 01_pcd01_chair1_vitals", rounds: rounds, count: 50_000) {
            for case .frame(let frame) in decoder.feed(framed[next]) {
                let result = receiver.receive(frame, at: now)
                guard case .accepted = result.outcome else { fatalError("not accepted: \(result.outcome)") }
                checksum &+= MLLPFrameEncoder.encode(result.ack).count
            }
            next = (next + 1) % framed.count
        }
        print("RESULT swift-receive \(Int(received))")
        if checksum == 42 { print("") }  // keeps the work observable
    }

    /// The python-comparable work: parse, then decode MSH-10 and every OBX's code and value.
    static func parseAndAccess(_ bytes: [UInt8]) throws -> Int {
        let message = try HL7Message(bytes: bytes)
        var total = message.headerField(10).text.utf8.count
        for segment in message.segments where segment.name == "OBX" {
            total &+= message.field(3, of: segment).component(1).text.utf8.count
            total &+= message.field(5, of: segment).text.utf8.count
        }
        return total
    }

    /// Runs `body` `count` times per round; prints each round's rate; returns the median.
    static func measure(_ label: String, rounds: Int, count: Int, _ body: () throws -> Void) rethrows -> Double {
        var rates: [Double] = []
        for _ in 0..<max(1, rounds) {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<count { try body() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(Double(count) / seconds)
        }
        let sorted = rates.sorted()
        let median = sorted[sorted.count / 2]
        print("\(label): median \(Int(median)) msg/s, rounds \(rates.map { String(Int($0)) }.joined(separator: " "))")
        return median
    }

    static func sample(_ root: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(name).hl7")))
    }
}
