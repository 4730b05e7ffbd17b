import Benchmark
import Devices

// MLLP ingest with ACKs on loopback (issue 7, goal >= 10,000 messages/s): a load generator
// of `MLLPClient`s sends PCD-01 vitals messages (each with its own control id, so every one
// is parsed, read, de-duplicated, mapped and published: no resend shortcut) to a running
// `HL7Listener`, and waits for every ACK, checking it is AA. One iteration sends
// `scaledIterations.count` (1,000) messages in all; throughput is messages per second, the
// wall clock per message. A consumer task drains the bus as the model would.
//
// - send-and-wait: each client sends one message and waits for its ACK before the next,
//   as `mllp_send` and most gateways do (latency-bound);
// - pipelined: each client keeps up to `window` messages unacknowledged, written `batch`
//   frames per write (gateways that stream).
// The listener serves every connection on one event-loop thread; each client has its own.

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock],
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 60
    )

    for mode in LoadMode.all {
        Benchmark(
            "MLLP ingest, \(mode.name)", configuration: configuration,
            closure: { benchmark in
                guard let rig = IngestRig.running else { preconditionFailure("setup did not run") }
                let count = benchmark.scaledIterations.count
                let shares = rig.makeMessages(count)
                benchmark.startMeasurement()
                let accepted = try await rig.run(mode, shares)
                benchmark.stopMeasurement()
                precondition(accepted == count, "\(accepted) of \(count) messages acknowledged AA")
            },
            setup: { try await IngestRig.start(connections: mode.connections) },
            teardown: { try await IngestRig.stopCurrent() })
    }
}

/// How the load generator sends.
struct LoadMode: Sendable {
    var name: String
    var connections: Int
    /// Messages a client may have unacknowledged (1 = send and wait).
    var window: Int
    /// Frames per write when pipelining.
    var batch: Int

    static let all = [
        LoadMode(name: "1 connection, send-and-wait", connections: 1, window: 1, batch: 1),
        LoadMode(name: "4 connections, send-and-wait", connections: 4, window: 1, batch: 1),
        LoadMode(name: "1 connection, pipelined (window 64)", connections: 1, window: 64, batch: 16),
        LoadMode(name: "4 connections, pipelined (window 64)", connections: 4, window: 64, batch: 16),
    ]
}
