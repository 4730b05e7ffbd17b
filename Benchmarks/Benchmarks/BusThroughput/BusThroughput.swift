import Benchmark
import EventBus
import Foundation

// Hand-off of N events from one publisher thread to one consumer, in events per second
// (throughput is scaled: one benchmark iteration moves `scaledIterations.count` events).
// Our EventBus is measured beside an AsyncStream doing the same hand-off, in the same run,
// as the baseline. The publisher is a plain `Thread`, as a device adapter's would be; the
// consumer either awaits batches (`next()`, like the model task) or polls (`drain()`,
// like the UI loop). Every consumer reads every message, so none can skip work.

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        scalingFactor: .mega,
        maxDuration: .seconds(10),  // the AsyncStream baseline needs ~3 s per iteration here
        maxIterations: 20
    )

    Benchmark("EventBus publish -> next()", configuration: configuration) { benchmark in
        let count = benchmark.scaledIterations.count
        let (bus, subscription) = makeBus()
        benchmark.startMeasurement()
        startThread { for event in 0..<count { bus.publish(event) } }
        var received = 0
        var checksum = 0
        while received < count, let batch = await subscription.next() {
            received += batch.count
            for delivery in batch { checksum &+= delivery.message }
        }
        benchmark.stopMeasurement()
        precondition(received == count)
        blackHole(checksum)
    }

    Benchmark("EventBus publish -> drain() polling", configuration: configuration) { benchmark in
        let count = benchmark.scaledIterations.count
        let (bus, subscription) = makeBus()
        benchmark.startMeasurement()
        startThread { for event in 0..<count { bus.publish(event) } }
        var received = 0
        var checksum = 0
        while received < count {
            let batch = subscription.drain()
            received += batch.count
            for delivery in batch { checksum &+= delivery.message }
        }
        benchmark.stopMeasurement()
        blackHole(checksum)
    }

    Benchmark("AsyncStream yield -> for await (baseline)", configuration: configuration) { benchmark in
        let count = benchmark.scaledIterations.count
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .unbounded)
        benchmark.startMeasurement()
        startThread {
            for event in 0..<count { continuation.yield(event) }
            continuation.finish()
        }
        var received = 0
        var checksum = 0
        for await event in stream {
            received += 1
            checksum &+= event
        }
        benchmark.stopMeasurement()
        precondition(received == count)
        blackHole(checksum)
    }
}

/// A bus with the real clock and one never-dropping subscriber, as the journal uses.
private func makeBus() -> (EventBus<Int>, Subscription<Int>) {
    let bus = EventBus<Int>(now: { Date() })
    let subscription = bus.subscribe(name: "consumer", capacity: 4_096, overflow: .neverDrop)
    return (bus, subscription)
}

/// Runs the publisher on its own thread, off the cooperative pool, like a device adapter.
private func startThread(_ body: @escaping @Sendable () -> Void) {
    Thread(block: body).start()
}
