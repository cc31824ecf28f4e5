import Foundation
import XCTest
@testable import GarterRuntime

/// `ThreadLock`, the lock behind `_thread.lock`: any thread may release it,
/// and timed acquisitions give up.
final class ThreadLockTests: XCTestCase {
    func testTryAcquireAndRelease() {
        let lock = ThreadLock()
        XCTAssertFalse(lock.isLocked)
        XCTAssertTrue(lock.tryAcquire())
        XCTAssertTrue(lock.isLocked)
        XCTAssertFalse(lock.tryAcquire())
        XCTAssertTrue(lock.release())
        XCTAssertFalse(lock.release(), "releasing an unlocked lock must fail")
    }

    func testTimedAcquireGivesUp() {
        let lock = ThreadLock()
        XCTAssertTrue(lock.acquire(timeoutNanoseconds: 0))
        XCTAssertFalse(lock.acquire(timeoutNanoseconds: 0))
        XCTAssertFalse(lock.acquire(timeoutNanoseconds: 2_000_000))
    }

    func testAnotherThreadReleasesAWaiter() {
        let lock = ThreadLock()
        XCTAssertTrue(lock.tryAcquire())
        let threads = GILTestThreads()
        let counters = GILAtomicCounters()
        for _ in 0..<4 {
            threads.spawn("waiter") {
                // Each waiter takes the lock in turn; the releaser is whoever
                // held it last, never the thread that took it first.
                if lock.acquire(timeoutNanoseconds: nil) {
                    counters.flag.add(1, ordering: .sequentiallyConsistent)
                    _ = lock.release()
                }
            }
        }
        usleep(20_000)
        XCTAssertEqual(counters.flag.load(ordering: .sequentiallyConsistent), 0, "a waiter got a held lock")
        XCTAssertTrue(lock.release())
        XCTAssertTrue(threads.join())
        XCTAssertEqual(counters.flag.load(ordering: .sequentiallyConsistent), 4)
        XCTAssertFalse(lock.isLocked)
    }
}
