import Foundation

/// Runs blocking work (waiting for a child process) on a thread of its own.
///
/// Swift Testing runs tests on the cooperative pool, which has one thread per core: two
/// on the CI machine. A test that blocks one of them (reading a pipe to its end, waiting
/// for a process to exit) takes half the pool from every async test running beside it;
/// two such tests starve them all. Hopping to a plain thread keeps the pool free.
public enum OffPool {
    public static func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Swift.Result { try work() }) }
            thread.start()
        }
    }
}
