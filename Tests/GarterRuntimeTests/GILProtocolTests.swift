import Foundation
import Synchronization
import XCTest
@testable import GarterRuntime

/// The GIL's protocol with real threads (DESIGN.md S1, S2, S4). No test
/// asserts a duration; deadlines only turn a deadlock into a failure.
final class GILProtocolTests: XCTestCase {
    func testMutualExclusionUnderContention() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 50))
        let counters = GILAtomicCounters()
        let shared = GILSharedWords(count: 1)
        let threads = GILTestThreads()
        let threadCount = 8
        let iterations = 3000
        for index in 0..<threadCount {
            threads.spawn("exclusion-\(index)") {
                let me = GILThread(name: "worker-\(index)", ident: UInt64(index))
                gil.attach(me)
                for iteration in 0..<iterations {
                    counters.enterHeldRegion()
                    let before = shared[0]
                    _ = gilSimulatedInstructions(50, seed: before)
                    shared[0] = before + 1
                    counters.leaveHeldRegion()
                    gilCheckEvalBreaker(gil, me)
                    if iteration % 7 == 0 {
                        gil.blocking(me, reason: .other) { _ = gilSimulatedInstructions(20, seed: iteration) }
                    }
                }
                gil.detach(me)
            }
        }
        XCTAssertTrue(threads.join(), "threads did not finish (deadlock?)")
        XCTAssertEqual(counters.maximumHolders.load(ordering: .relaxed), 1)
        XCTAssertEqual(shared[0], threadCount * iterations, "lost updates: two threads held the GIL")
        let statistics = gil.statistics()
        XCTAssertEqual(statistics.totals.acquisitions, statistics.totals.releases)
        XCTAssertNil(statistics.holder)
    }

    /// CPU-bound threads that only check the eval breaker: each loops until
    /// every one of them has made progress, so without forced switching the
    /// first thread would spin forever.
    func testNoCPUBoundThreadStarves() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 500))
        let threadCount = 4
        let target = 30
        let progress = GILSharedWords(count: threadCount + 1)  // last word: stop flag
        let threads = GILTestThreads()
        for index in 0..<threadCount {
            threads.spawn("cpu-\(index)") {
                let me = GILThread(name: "cpu-\(index)")
                gil.attach(me)
                while progress[threadCount] == 0 {
                    _ = gilSimulatedInstructions(2000, seed: progress[index])
                    progress[index] += 1
                    if (0..<threadCount).allSatisfy({ progress[$0] >= target }) { progress[threadCount] = 1 }
                    gilCheckEvalBreaker(gil, me)
                }
                gil.detach(me)
            }
        }
        XCTAssertTrue(threads.join(), "a thread starved: the others never got the GIL")
        for index in 0..<threadCount { XCTAssertGreaterThanOrEqual(progress[index], target) }
        XCTAssertGreaterThan(gil.statistics().forcedSwitches, 0)
    }

    func testForcedSwitchesHappenAndAreCounted() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 200))
        let stop = GILSharedWords(count: 1)
        let threads = GILTestThreads()
        for index in 0..<2 {
            threads.spawn("forced-\(index)") {
                let me = GILThread(name: "cpu-\(index)")
                gil.attach(me)
                var iteration = 0
                while stop[0] == 0 {
                    _ = gilSimulatedInstructions(500, seed: iteration)
                    iteration += 1
                    if iteration % 64 == 0 && gil.statistics().forcedSwitches >= 20 { stop[0] = 1 }
                    gilCheckEvalBreaker(gil, me)
                }
                gil.detach(me)
            }
        }
        XCTAssertTrue(threads.join())
        let statistics = gil.statistics()
        XCTAssertGreaterThanOrEqual(statistics.forcedSwitches, 20)
        // The requester always gets the GIL after a forced release.
        XCTAssertEqual(statistics.forcedSwitches, statistics.totals.forcedReleases)
        XCTAssertGreaterThanOrEqual(statistics.totals.dropRequests, statistics.totals.forcedReleases)
        XCTAssertEqual(statistics.totals.priorityDropRequests, 0)
        for thread in statistics.threads {
            XCTAssertGreaterThan(thread.counters.forcedReleases, 0, "\(thread.name) was never switched out")
        }
    }

    func testThreadInBlockingRegionDoesNotHoldTheGIL() {
        let gil = GIL()
        let counters = GILAtomicCounters()
        let threads = GILTestThreads()
        let blocker = GILThread(name: "blocker")
        let other = GILThread(name: "other")
        threads.spawn("blocker") {
            gil.attach(blocker)
            gil.blocking(blocker, reason: .read) {
                counters.flag.store(1, ordering: .sequentiallyConsistent)
                // The other thread can only attach if the GIL is free.
                _ = gilEventually { counters.flag.load(ordering: .sequentiallyConsistent) == 2 }
            }
            gil.detach(blocker)
        }
        threads.spawn("other") {
            _ = gilEventually { counters.flag.load(ordering: .sequentiallyConsistent) == 1 }
            let holderBefore = gil.statistics().holder
            counters.stop.store(holderBefore == blocker.number, ordering: .sequentiallyConsistent)
            gil.attach(other)
            counters.flag.store(2, ordering: .sequentiallyConsistent)
            gil.detach(other)
        }
        XCTAssertTrue(threads.join())
        XCTAssertEqual(counters.flag.load(ordering: .relaxed), 2, "the other thread never got the GIL")
        XCTAssertFalse(counters.stop.load(ordering: .relaxed), "the blocked thread still held the GIL")
        let statistics = gil.statistics()
        XCTAssertEqual(statistics.blocking.first { $0.reason == .read }?.regions, 1)
    }

    /// The convoy fix's request path: a thread returning from a blocking
    /// region while another holds the GIL raises the holder's drop request at
    /// once. The switch interval is 1000 s, so no interval can be involved.
    func testConvoyFixRaisesDropRequestAtOnce() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 1_000_000_000), convoyFix: true)
        gil.convoyFixMinimumHoldNanoseconds = 0
        let threads = GILTestThreads()
        let stage = GILAtomicCounters()
        let io = GILThread(name: "io")
        threads.spawn("io") {
            gil.attach(io)
            gil.beginBlocking(io, reason: .read)
            stage.flag.store(1, ordering: .sequentiallyConsistent)
            _ = gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 2 }
            gil.endBlocking(io)  // the CPU thread holds the GIL now
            gil.detach(io)
        }
        XCTAssertTrue(gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 1 })
        let cpu = GILThread(name: "cpu")
        gil.attach(cpu)
        stage.flag.store(2, ordering: .sequentiallyConsistent)
        XCTAssertTrue(gilEventually { cpu.breaker.contains(.gilDropRequest) },
                      "the returning thread did not ask for the GIL")
        let statistics = gil.statistics()
        XCTAssertEqual(statistics.totals.priorityDropRequests, 1)
        XCTAssertEqual(statistics.totals.dropRequests, 1)
        XCTAssertEqual(statistics.holder, cpu.number)
        gilCheckEvalBreaker(gil, cpu)  // hands over, and returns once the GIL is back
        XCTAssertFalse(cpu.breaker.contains(.gilDropRequest))
        gil.detach(cpu)
        XCTAssertTrue(threads.join())
        let final = gil.statistics()
        XCTAssertEqual(final.forcedSwitches, 1)
        XCTAssertEqual(final.totals.forcedReleases, 1)
    }

    /// The convoy fix lets a holder keep the GIL for its minimum hold (here
    /// 1000 s) before a returning thread may ask for it.
    func testConvoyFixRespectsTheMinimumHold() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 1_000_000_000), convoyFix: true)
        gil.convoyFixMinimumHoldNanoseconds = 1_000_000_000_000
        XCTAssertEqual(gil.minimumHoldBeforeConvoyRequest, 1_000_000_000_000)
        let threads = GILTestThreads()
        let stage = GILAtomicCounters()
        let io = GILThread(name: "io")
        threads.spawn("io") {
            gil.attach(io)
            gil.beginBlocking(io, reason: .read)
            stage.flag.store(1, ordering: .sequentiallyConsistent)
            _ = gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 2 }
            gil.endBlocking(io)
            gil.detach(io)
        }
        XCTAssertTrue(gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 1 })
        let cpu = GILThread(name: "cpu")
        gil.attach(cpu)
        stage.flag.store(2, ordering: .sequentiallyConsistent)
        XCTAssertTrue(gilEventually { gil.statistics().waitingThreads == 1 })
        XCTAssertFalse(cpu.breaker.contains(.gilDropRequest))
        XCTAssertEqual(gil.statistics().totals.dropRequests, 0)
        gil.detach(cpu)
        XCTAssertTrue(threads.join())
        gil.convoyFixMinimumHoldNanoseconds = nil
        XCTAssertEqual(gil.minimumHoldBeforeConvoyRequest, 10_000_000_000)  // 1/100 of the interval
    }

    /// With the fix off, the same returning thread waits like any other: no
    /// request until a switch interval (here 1000 s) has passed.
    func testWithoutConvoyFixTheReturningThreadWaitsItsInterval() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 1_000_000_000), convoyFix: false)
        let threads = GILTestThreads()
        let stage = GILAtomicCounters()
        let io = GILThread(name: "io")
        threads.spawn("io") {
            gil.attach(io)
            gil.beginBlocking(io, reason: .read)
            stage.flag.store(1, ordering: .sequentiallyConsistent)
            _ = gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 2 }
            gil.endBlocking(io)
            gil.detach(io)
        }
        XCTAssertTrue(gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 1 })
        let cpu = GILThread(name: "cpu")
        gil.attach(cpu)
        stage.flag.store(2, ordering: .sequentiallyConsistent)
        XCTAssertTrue(gilEventually { gil.statistics().waitingThreads == 1 })
        XCTAssertFalse(cpu.breaker.contains(.gilDropRequest))
        XCTAssertEqual(gil.statistics().totals.dropRequests, 0)
        gil.detach(cpu)  // a voluntary release lets the waiter in
        XCTAssertTrue(threads.join())
        XCTAssertEqual(gil.statistics().voluntarySwitches, 2)  // io → cpu, cpu → io
    }

    /// A CPU-bound thread forced off by the convoy fix queues again as an
    /// ordinary waiter: its own request comes only after an interval.
    func testThreadForcedOffKeepsTheNormalInterval() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 1_000_000_000), convoyFix: true)
        gil.convoyFixMinimumHoldNanoseconds = 0
        let threads = GILTestThreads()
        let stage = GILAtomicCounters()
        let io = GILThread(name: "io")
        let cpu = GILThread(name: "cpu")
        threads.spawn("io") {
            gil.attach(io)
            gil.beginBlocking(io, reason: .read)
            stage.flag.store(1, ordering: .sequentiallyConsistent)
            _ = gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 2 }
            gil.endBlocking(io)
            // Holds the GIL while the CPU thread waits behind it.
            _ = gilEventually { gil.statistics().waitingThreads == 1 }
            stage.flag.store(3, ordering: .sequentiallyConsistent)
            _ = gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 4 }
            gil.detach(io)
        }
        XCTAssertTrue(gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 1 })
        gil.attach(cpu)
        stage.flag.store(2, ordering: .sequentiallyConsistent)
        XCTAssertTrue(gilEventually { cpu.breaker.contains(.gilDropRequest) })
        threads.spawn("checker") {
            _ = gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 3 }
            // The CPU thread is waiting: no request on the I/O thread.
            stage.maximumHolders.store(io.breaker.contains(.gilDropRequest) ? 1 : 0, ordering: .sequentiallyConsistent)
            stage.flag.store(4, ordering: .sequentiallyConsistent)
        }
        gilCheckEvalBreaker(gil, cpu)
        gil.detach(cpu)
        XCTAssertTrue(threads.join())
        XCTAssertEqual(stage.maximumHolders.load(ordering: .relaxed), 0,
                       "the forced-off thread asked for the GIL before its interval")
        XCTAssertEqual(gil.statistics().totals.dropRequests, 1)
    }

    /// A thread back from a blocking region while another waiter's request
    /// is pending lets that waiter have the GIL first, then asks the new
    /// holder at once (rather than waiting a whole interval behind it).
    func testConvoyFixAsksTheNextHolderWhenARequestWasPending() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 1000), convoyFix: true)
        gil.convoyFixMinimumHoldNanoseconds = 0
        let threads = GILTestThreads()
        let stage = GILAtomicCounters()
        let io = GILThread(name: "io")
        let waiter = GILThread(name: "waiter")
        threads.spawn("io") {
            gil.attach(io)
            gil.beginBlocking(io, reason: .read)
            stage.flag.store(1, ordering: .sequentiallyConsistent)
            _ = gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 2 }
            gil.endBlocking(io)
            gil.detach(io)
        }
        XCTAssertTrue(gilEventually { stage.flag.load(ordering: .sequentiallyConsistent) == 1 })
        let holder = GILThread(name: "holder")
        gil.attach(holder)
        threads.spawn("waiter") {
            gil.attach(waiter)  // waits; its interval runs out and it asks the holder
            // Holds the GIL now, and checks its breaker only once asked.
            stage.holders.store(1, ordering: .sequentiallyConsistent)
            let asked = gilEventually { waiter.breaker.contains(.gilDropRequest) }
            stage.maximumHolders.store(asked ? 1 : 0, ordering: .sequentiallyConsistent)
            gilCheckEvalBreaker(gil, waiter)
            gil.detach(waiter)
        }
        XCTAssertTrue(gilEventually { holder.breaker.contains(.gilDropRequest) })
        XCTAssertEqual(gil.statistics().totals.dropRequests, 1)
        // From here no interval can run out: only the convoy fix can ask.
        gil.switchInterval = SwitchInterval(microseconds: 1_000_000_000)
        stage.flag.store(2, ordering: .sequentiallyConsistent)
        XCTAssertTrue(gilEventually { gil.statistics().waitingThreads == 2 })
        XCTAssertEqual(gil.statistics().totals.priorityDropRequests, 0, "asked while a request was pending")
        gilCheckEvalBreaker(gil, holder)  // hands over to the waiter, then queues again
        gil.detach(holder)
        XCTAssertTrue(threads.join())
        XCTAssertEqual(stage.holders.load(ordering: .relaxed), 1)
        XCTAssertEqual(stage.maximumHolders.load(ordering: .relaxed), 1, "the new holder was never asked")
        let statistics = gil.statistics()
        XCTAssertEqual(statistics.totals.priorityDropRequests, 1)
        XCTAssertEqual(statistics.totals.dropRequests, 2)
        XCTAssertEqual(statistics.totals.forcedReleases, 2)
        XCTAssertEqual(statistics.threads.first { $0.name == "io" }?.counters.priorityDropRequests, 1)
    }

    func testSwitchIntervalAndConvoyFixAreSettable() throws {
        let gil = GIL()
        XCTAssertEqual(gil.switchInterval, .standard)
        XCTAssertEqual(gil.switchInterval.seconds, 0.005)
        gil.switchInterval = try SwitchInterval(seconds: 0.001)
        XCTAssertEqual(gil.switchInterval.microseconds, 1000)
        XCTAssertTrue(gil.convoyFixEnabled)
        gil.convoyFixEnabled = false
        XCTAssertFalse(gil.statistics().convoyFixEnabled)
    }
}
