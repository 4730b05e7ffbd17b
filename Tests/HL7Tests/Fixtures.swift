import Foundation
@testable import HL7
import InfusionCore

/// The sample messages of `/work/shared/hl7`, read as bytes, and helpers to bend them.
enum Fixtures {
    static let vitals = "01_pcd01_chair1_vitals"
    static let nibp = "02_pcd01_chair1_nibp"
    static let pumpStart = "09_pcd10_chair1_pump_start"
    static let pumpStopTransitioning = "10_pcd10_chair1_rate_change_stop_transitioning"
    static let pumpStartNewRate = "11_pcd10_chair1_rate_change_start_new_rate"
    static let all = [vitals, nibp, pumpStart, pumpStopTransitioning, pumpStartNewRate]

    static func bytes(_ name: String) -> [UInt8] {
        let url = Bundle.module.url(forResource: "Samples", withExtension: nil)!.appendingPathComponent(name + ".hl7")
        return [UInt8](try! Data(contentsOf: url))
    }

    /// The sample as text (all samples are ASCII), segments joined by CR.
    static func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }

    /// The sample with `old` replaced by `new` (which must occur).
    static func edited(_ name: String, _ old: String, _ new: String) -> [UInt8] {
        let original = text(name)
        precondition(original.contains(old), "\(old) not in \(name)")
        return Array(original.replacingOccurrences(of: old, with: new).utf8)
    }

    static func message(_ bytes: [UInt8]) throws -> HL7Message { try HL7Message(bytes: bytes) }

    static func report(_ bytes: [UInt8]) throws -> DeviceReport { try PCDReportReader().read(HL7Message(bytes: bytes)) }

    static func mapping(_ bytes: [UInt8]) throws -> PCDMapping {
        try PCDMapper(registry: .sampleClinic).map(report(bytes))
    }

    /// The error reading and mapping `bytes` throws, or nil.
    static func error(_ bytes: [UInt8]) -> HL7Error? {
        do {
            _ = try mapping(bytes)
            return nil
        } catch let error as HL7Error {
            return error
        } catch {
            return nil
        }
    }

    /// A UTC instant built with Foundation's calendar (an oracle independent of HL7Timestamp).
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }

    static func vitals(_ mapping: PCDMapping) -> [VitalKind: VitalSample] {
        var result: [VitalKind: VitalSample] = [:]
        for case .vitalsObserved(let observation) in mapping.payloads {
            for sample in observation.samples { result[sample.kind] = sample }
        }
        return result
    }

    static func pump(_ mapping: PCDMapping) -> PumpReport? {
        for case .pumpReported(let report) in mapping.payloads { return report }
        return nil
    }
}
