// Throughput check for the HL7 target: parse + read + map a PCD-01 and a PCD-10 sample
// many times on one core. Build and run with `Fuzz/bench.sh` (compiled with -O).
import Foundation
import HL7

@main
struct HL7Bench {
    static func main() throws {
        let root = CommandLine.arguments.dropFirst().first ?? "Tests/HL7Tests/Samples"
        let reader = PCDReportReader()
        let mapper = PCDMapper(registry: .sampleClinic)
        for name in ["01_pcd01_chair1_vitals", "02_pcd01_chair1_nibp", "09_pcd10_chair1_pump_start"] {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(name).hl7")))
            let count = 200_000
            var payloads = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<count {
                let message = try HL7Message(bytes: bytes)
                payloads += try mapper.map(reader.read(message)).payloads.count
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("\(name): \(Int(Double(count) / seconds)) messages/s (\(bytes.count) bytes, \(payloads / count) payloads each)")
        }
    }
}
