import Foundation
import Testing
@testable import Devices
import HL7

/// MLLP inside TLS, with the test-only certificate and key in `Fixtures/` (self-signed
/// for `localhost`, made with `openssl req -x509`; never use them anywhere else).
@Suite(.timeLimit(.minutes(1)))
struct HL7AdapterTLSTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let certificate = fixtures.appendingPathComponent("tls-test-cert.pem").path
    static let key = fixtures.appendingPathComponent("tls-test-key.pem").path

    static func tlsSettings() -> HL7Settings {
        HL7Settings(
            port: 0, devices: DeviceRegistry.sampleClinic.allDevices,
            tls: HL7TLSFiles(certificatePath: certificate, keyPath: key))
    }

    @Test func aTLSClientGetsItsACK() async throws {
        let harness = try await ListenerHarness.start(Self.tlsSettings())
        let client = try await MLLPClient.connect(host: "127.0.0.1", port: harness.port, trustedCertificate: Self.certificate)
        var replies = client.replies.makeAsyncIterator()
        try await client.send(message: HL7Samples.vitals)
        #expect(try #require(await replies.next()).msa == "MSA|AA|KCM-000001")
        await client.close()
        try await harness.listener.stop()
    }

    @Test func aPlainClientIsNotServed() async throws {
        let harness = try await ListenerHarness.start(Self.tlsSettings())
        _ = harness.drain()
        let client = try await harness.connect()
        var replies = client.replies.makeAsyncIterator()
        try await client.send(message: HL7Samples.vitals)
        #expect(await replies.next() == nil)  // the handshake fails and the server closes
        #expect(vitals(in: harness.drain()).isEmpty)
        await client.close()
        try await harness.listener.stop()
    }

    @Test func unusableFilesAreNamed() {
        let missing = HL7TLSFiles(certificatePath: "/nonexistent/cert.pem", keyPath: Self.key)
        #expect(throws: HL7TLSError.self) { try missing.validate() }
        do {
            try HL7TLSFiles(certificatePath: Self.certificate, keyPath: Self.certificate).validate()
            Issue.record("a certificate accepted as a key")
        } catch {
            #expect(error.file == Self.certificate)
            #expect(error.description.contains("private key"))
        }
        #expect(throws: Never.self) { try HL7TLSFiles(certificatePath: Self.certificate, keyPath: Self.key).validate() }
    }
}
