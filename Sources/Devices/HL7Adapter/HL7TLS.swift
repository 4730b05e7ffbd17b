import Foundation
import NIOSSL

/// The listener's TLS identity: a PEM certificate chain and its PEM private key.
///
/// HL7 over MLLP carries patient data in clear text; a clinic that must accept gateways
/// from beyond the machine (a non-loopback `host`) should turn this on. Loaded once, at
/// configuration time, so that a wrong path or a key that does not parse is a
/// configuration error naming the file, not a failure of the first connection.
public struct HL7TLSFiles: Hashable, Sendable {
    public var certificatePath: String
    public var keyPath: String

    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// Reads and checks both files: they exist, parse as PEM, and are a certificate chain
    /// and a private key. Throws a message that names the file and why.
    public func validate() throws(HL7TLSError) {
        _ = try makeServerContext()
    }

    /// The server context the listener wraps each connection in.
    func makeServerContext() throws(HL7TLSError) -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw HL7TLSError(file: certificatePath, reason: "not a readable PEM certificate (\(error))")
        }
        guard !chain.isEmpty else { throw HL7TLSError(file: certificatePath, reason: "holds no certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw HL7TLSError(file: keyPath, reason: "not a readable PEM private key (\(error))")
        }
        do {
            let configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw HL7TLSError(file: keyPath, reason: "does not match the certificate in \(certificatePath) (\(error))")
        }
    }
}

/// A TLS file that cannot be used, with the file and the reason.
public struct HL7TLSError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}
