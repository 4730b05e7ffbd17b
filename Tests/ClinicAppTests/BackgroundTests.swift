import Foundation
import Glibc
import Testing
@testable import ClinicApp

@Suite("Start-up work on a thread of its own")
struct BackgroundTests {
    @Test("value waits for the work, which runs off the caller's thread, and is kept")
    func waitsAndKeeps() {
        let gate = DispatchSemaphore(value: 0)
        let callerThread = pthread_self()
        let work = Background { () -> Bool in
            gate.wait()  // a hand-off, not a timed wait: released below
            return pthread_equal(pthread_self(), callerThread) == 0
        }
        gate.signal()
        #expect(work.value == true)
        #expect(work.value == true)  // the second read does not wait again
    }
}
