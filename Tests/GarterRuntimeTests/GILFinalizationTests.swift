import Foundation
import Synchronization
import XCTest
@testable import GarterRuntime

/// `GIL.beginFinalization`: once the interpreter shuts down, threads that
/// come back for the GIL (daemon threads) stay parked, and a drop request
/// pending for the finalizing thread is withdrawn. The parked threads are
/// left behind on purpose (the process would exit), so each test uses its
/// own GIL.
final class GILFinalizationTests: XCTestCase {
    func testThreadsComingBackAfterFinalizationStayParked() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 1000))
        let main = GILThread(name: "main")
        let daemon = GILThread(name: "daemon")
        let phase = GILAtomicCounters()
        gil.attach(main)
        let thread = Thread {
            gil.attach(daemon)
            gil.blocking(daemon, reason: .sleep) {
                phase.flag.store(1, ordering: .sequentiallyConsistent)
                _ = gilEventually { phase.flag.load(ordering: .sequentiallyConsistent) == 2 }
            }
            phase.flag.store(3, ordering: .sequentiallyConsistent)  // never reached
        }
        gil.release(main)
        thread.start()
        // The daemon attaches while the GIL is free and enters its region.
        XCTAssertTrue(gilEventually { phase.flag.load(ordering: .sequentiallyConsistent) == 1 })
        gil.acquire(main)
        gil.beginFinalization(main)
        XCTAssertTrue(gil.isFinalizing)
        phase.flag.store(2, ordering: .sequentiallyConsistent)
        // The daemon now waits for the GIL: it must neither get it nor ask
        // the finalizing thread to drop it.
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertFalse(main.breaker.contains(.gilDropRequest))
        XCTAssertEqual(gil.statistics().holder, main.number)
        gil.detach(main)
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertNil(gil.statistics().holder, "a thread took the GIL after finalization")
        XCTAssertEqual(phase.flag.load(ordering: .sequentiallyConsistent), 2)
    }

    func testPendingDropRequestIsWithdrawn() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 1000))
        let main = GILThread(name: "main")
        let waiter = GILThread(name: "waiter")
        let started = GILAtomicCounters()
        gil.attach(main)
        Thread {
            started.stop.store(true, ordering: .sequentiallyConsistent)
            gil.attach(waiter)  // waits an interval, then asks main to drop
        }.start()
        XCTAssertTrue(gilEventually { main.breaker.contains(.gilDropRequest) })
        gil.beginFinalization(main)
        XCTAssertFalse(main.breaker.contains(.gilDropRequest))
        // The loop would call this if it had seen the bit before: it must
        // return at once instead of waiting for a hand-over that cannot come.
        gil.yieldForDropRequest(main)
        XCTAssertEqual(gil.statistics().holder, main.number)
        gil.detach(main)
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertNil(gil.statistics().holder)
        XCTAssertTrue(started.stop.load(ordering: .sequentiallyConsistent))
    }
}
