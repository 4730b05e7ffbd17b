import Devices
import Foundation
import HL7
import InfusionCore
import TOMLKit

/// Reads `[hl7]` and the device registry `[[device]]` from the clinic file.
///
/// ```toml
/// [hl7]
/// listen = "127.0.0.1:2575"     # loopback unless configured otherwise
/// max_connections = 32
/// partial_frame_timeout = "10s"
/// tls_certificate = "hl7-cert.pem"  # both or neither: TLS on every connection
/// tls_key = "hl7-key.pem"           # (paths relative to this file)
///
/// [[device]]
/// eui64 = "0A00000000000101"
/// label = "MON01"
/// kind = "monitor"              # or "pump"
/// chair = "CHAIR-01"
/// ```
enum HL7SettingsReader {
    static func read(
        _ table: TOMLTable?, devices: [TOMLTable], chairs: [ChairDescriptor], reader: inout TableReader
    ) throws(ConfigurationError) -> HL7Settings {
        var settings = HL7Settings()
        if let table {
            let path = "hl7"
            try reader.allowOnly(
                ["listen", "max_connections", "partial_frame_timeout", "tls_certificate", "tls_key"], in: table, path: path)
            if let listen = try reader.string("listen", in: table, path: path) {
                let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (1...65_535).contains(port) else {
                    throw ConfigurationError(file: reader.file, key: "\(path).listen", reason: "must be \"host:port\", e.g. \"127.0.0.1:2575\"")
                }
                settings.host = String(parts[0])
                settings.port = port
            }
            if let count = try reader.integer("max_connections", in: table, path: path) {
                guard (1...1024).contains(count) else {
                    throw ConfigurationError(file: reader.file, key: "\(path).max_connections", reason: "must be 1 to 1024")
                }
                settings.maxConnections = count
            }
            if let timeout = try reader.duration("partial_frame_timeout", in: table, path: path) {
                settings.partialFrameTimeout = .milliseconds(Int64(timeout * 1000))
            }
            settings.tls = try readTLS(table, path: path, reader: &reader)
        }
        let known = Set(chairs.map(\.id))
        var seen = Set<String>()
        for (index, entry) in devices.enumerated() {
            let path = "device[\(index + 1)]"
            try reader.allowOnly(["eui64", "label", "kind", "chair"], in: entry, path: path)
            guard let eui = try reader.string("eui64", in: entry, path: path),
                eui.count == 16, eui.allSatisfy(\.isHexDigit)
            else {
                throw ConfigurationError(file: reader.file, key: "\(path).eui64", reason: "must be 16 hex digits")
            }
            guard seen.insert(eui.uppercased()).inserted else {
                throw ConfigurationError(file: reader.file, key: "\(path).eui64", reason: "\(eui) is listed twice")
            }
            guard let label = try reader.string("label", in: entry, path: path), !label.isEmpty, label.count <= 16 else {
                throw ConfigurationError(file: reader.file, key: "\(path).label", reason: "must be 1-16 characters")
            }
            guard let kindText = try reader.string("kind", in: entry, path: path), let kind = DeviceKind(rawValue: kindText) else {
                throw ConfigurationError(file: reader.file, key: "\(path).kind", reason: "must be \"monitor\" or \"pump\"")
            }
            guard let chair = try reader.string("chair", in: entry, path: path), known.contains(ChairID(chair)) else {
                throw ConfigurationError(file: reader.file, key: "\(path).chair", reason: "must name a configured [[chair]] id")
            }
            settings.devices.append(DeviceRegistry.Entry(eui64: eui, label: label, kind: kind, chair: ChairID(chair)))
        }
        return settings
    }

    /// `tls_certificate` and `tls_key`, both or neither, relative to the clinic file's
    /// folder, loaded once here so that a bad file stops the start with its name.
    private static func readTLS(_ table: TOMLTable, path: String, reader: inout TableReader) throws(ConfigurationError) -> HL7TLSFiles? {
        let certificate = try reader.string("tls_certificate", in: table, path: path)
        let key = try reader.string("tls_key", in: table, path: path)
        guard certificate != nil || key != nil else { return nil }
        guard let certificate, let key else {
            let missing = certificate == nil ? "tls_certificate" : "tls_key"
            throw ConfigurationError(file: reader.file, key: "\(path).\(missing)", reason: "TLS needs both tls_certificate and tls_key")
        }
        let folder = URL(fileURLWithPath: reader.file).deletingLastPathComponent()
        func resolved(_ file: String) -> String {
            file.hasPrefix("/") ? file : folder.appendingPathComponent(file).path
        }
        let files = HL7TLSFiles(certificatePath: resolved(certificate), keyPath: resolved(key))
        do {
            try files.validate()
        } catch {
            let badKey = error.file == files.certificatePath ? "tls_certificate" : "tls_key"
            throw ConfigurationError(file: reader.file, key: "\(path).\(badKey)", reason: error.description)
        }
        return files
    }
}
