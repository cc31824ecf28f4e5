import Foundation
import Synchronization
import XCTest
@testable import GarterRuntime

/// Measurements, not tests: skipped unless GARTER_GIL_BENCH=1, and meant for
/// a release build:
///
///     GARTER_GIL_BENCH=1 swift test -c release --filter GILBenchmarkTests
///
/// They print numbers (docs/gil.md records them) and assert nothing about
/// time.
final class GILBenchmarkTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["GARTER_GIL_BENCH"] == "1",
                          "benchmarks run only with GARTER_GIL_BENCH=1")
    }

    private static func seconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e9 }

    /// Two CPU-bound simulated threads (a check every ~100 steps of
    /// arithmetic, as a loop's backward jump would): switches per second.
    func testSwitchRateBetweenTwoCPUBoundThreads() {
        for microseconds: UInt64 in [5000, 1000] {
            let gil = GIL(switchInterval: SwitchInterval(microseconds: microseconds))
            let stop = GILAtomicCounters()
            let sink = GILSharedWords(count: 2)
            let threads = GILTestThreads()
            for index in 0..<2 {
                threads.spawn("cpu-\(index)") {
                    let me = GILThread(name: "cpu-\(index)")
                    gil.attach(me)
                    var value = index
                    var checks = 0
                    while !stop.stop.load(ordering: .relaxed) {
                        value = gilSimulatedInstructions(100, seed: value)
                        checks += 1
                        gilCheckEvalBreaker(gil, me)
                    }
                    sink[index] = value &+ checks
                    gil.detach(me)
                }
            }
            usleep(200_000)
            gil.resetStatistics()
            usleep(2_000_000)
            let statistics = gil.statistics()
            stop.stop.store(true, ordering: .relaxed)
            XCTAssertTrue(threads.join())
            let elapsed = Self.seconds(statistics.elapsedNanoseconds)
            let switches = Double(statistics.forcedSwitches + statistics.voluntarySwitches)
            print("BENCH switch interval \(microseconds) µs: \(String(format: "%.0f", switches / elapsed)) switches/s "
                  + "(forced \(statistics.forcedSwitches), ideal \(1_000_000 / microseconds)/s); "
                  + "mean wait \(GILStatisticsReport.duration(statistics.totals.waitNanoseconds / max(statistics.totals.acquisitions, 1))), "
                  + "longest \(GILStatisticsReport.duration(statistics.totals.longestWaitNanoseconds))")
        }
    }

    /// A simulated I/O thread (sleep 0.2 ms in a blocking region, then a
    /// little work) beside a CPU-bound thread, with the convoy fix on and
    /// off: the I/O thread's round trip and the CPU thread's throughput.
    func testIOLatencyBesideACPUBoundThread() {
        for (label, cpuThreads, fix) in [("alone", 0, true), ("fix on", 1, true), ("fix off", 1, false),
                                          ("2 CPU, fix on", 2, true), ("2 CPU, fix off", 2, false)] {
            let gil = GIL(switchInterval: .standard, convoyFix: fix)
            let stop = GILAtomicCounters()
            let cpuWork = GILSharedWords(count: 2)
            let threads = GILTestThreads()
            for index in 0..<cpuThreads {
                threads.spawn("cpu-\(index)") {
                    let me = GILThread(name: "cpu")
                    gil.attach(me)
                    var value = 0
                    var checks = 0
                    while !stop.stop.load(ordering: .relaxed) {
                        value = gilSimulatedInstructions(100, seed: value)
                        checks += 1
                        gilCheckEvalBreaker(gil, me)
                    }
                    cpuWork[index] = checks &+ (value & 1)
                    gil.detach(me)
                }
            }
            usleep(100_000)
            let io = GILThread(name: "io")
            gil.attach(io)
            var roundTrips: [UInt64] = []
            var retakes: [UInt64] = []  // from the end of the sleep to holding the GIL again
            let deadline = MonotonicClock.nanoseconds() + 2_000_000_000
            var value = 0
            while MonotonicClock.nanoseconds() < deadline {
                let start = MonotonicClock.nanoseconds()
                let slept = gil.blocking(io, reason: .sleep) {
                    var request = timespec(tv_sec: 0, tv_nsec: 200_000)
                    nanosleep(&request, nil)
                    return MonotonicClock.nanoseconds()
                }
                retakes.append(MonotonicClock.nanoseconds() - slept)
                value = gilSimulatedInstructions(100, seed: value)
                gilCheckEvalBreaker(gil, io)
                roundTrips.append(MonotonicClock.nanoseconds() - start)
            }
            let statistics = gil.statistics()
            gil.detach(io)
            stop.stop.store(true, ordering: .relaxed)
            XCTAssertTrue(threads.join())
            roundTrips.sort()
            retakes.sort()
            let mean = roundTrips.reduce(0, +) / UInt64(roundTrips.count)
            let p99 = roundTrips[roundTrips.count * 99 / 100]
            let cpuRate = Double(cpuWork[0] + cpuWork[1]) / 2.1
            print("BENCH I/O 0.2 ms sleep loop, \(label): \(roundTrips.count) round trips in 2 s, "
                  + "mean \(GILStatisticsReport.duration(mean)), median \(GILStatisticsReport.duration(roundTrips[roundTrips.count / 2])), "
                  + "p99 \(GILStatisticsReport.duration(p99)), max \(GILStatisticsReport.duration(roundTrips.last!)); "
                  + "GIL re-take median \(GILStatisticsReport.duration(retakes[retakes.count / 2])), "
                  + "p99 \(GILStatisticsReport.duration(retakes[retakes.count * 99 / 100])); "
                  + "CPU checks/s \(String(format: "%.3g", cpuRate)); priority requests \(statistics.totals.priorityDropRequests), "
                  + "switches \(statistics.forcedSwitches + statistics.voluntarySwitches)")
        }
    }

    /// The fix's worst case: a thread that leaves and re-enters blocking
    /// regions as fast as it can (`time.sleep(0)` in a loop) beside a
    /// CPU-bound thread. Reports the CPU-bound thread's throughput against
    /// running alone, with the fix on and off, and with a longer minimum hold.
    func testCPUThroughputBesideABlockingSpinner() {
        for (label, spinner, fix, minimumHold) in [("CPU thread alone", false, true, UInt64?.none),
                                                    ("beside sleep(0) loop, fix on", true, true, nil),
                                                    ("beside sleep(0) loop, fix on, minimum hold 500 µs", true, true, 500_000),
                                                    ("beside sleep(0) loop, fix off", true, false, nil)] {
            let gil = GIL(switchInterval: .standard, convoyFix: fix)
            gil.convoyFixMinimumHoldNanoseconds = minimumHold
            let stop = GILAtomicCounters()
            let counts = GILSharedWords(count: 2)
            let threads = GILTestThreads()
            threads.spawn("cpu") {
                let me = GILThread(name: "cpu")
                gil.attach(me)
                var value = 0
                var checks = 0
                while !stop.stop.load(ordering: .relaxed) {
                    value = gilSimulatedInstructions(100, seed: value)
                    checks += 1
                    gilCheckEvalBreaker(gil, me)
                }
                counts[0] = checks &+ (value & 1)
                gil.detach(me)
            }
            if spinner {
                threads.spawn("spinner") {
                    let me = GILThread(name: "spinner")
                    gil.attach(me)
                    var loops = 0
                    while !stop.stop.load(ordering: .relaxed) {
                        gil.blocking(me, reason: .sleep) {
                            // What time.sleep(0) does: a real, zero-length sleep.
                            var request = timespec(tv_sec: 0, tv_nsec: 0)
                            nanosleep(&request, nil)
                        }
                        gilCheckEvalBreaker(gil, me)
                        loops += 1
                    }
                    counts[1] = loops
                    gil.detach(me)
                }
            }
            usleep(2_000_000)
            stop.stop.store(true, ordering: .relaxed)
            XCTAssertTrue(threads.join())
            print("BENCH \(label): CPU checks/s \(String(format: "%.3g", Double(counts[0]) / 2)), "
                  + "sleep(0) loops/s \(String(format: "%.3g", Double(counts[1]) / 2))")
        }
    }

    /// The cost of the GIL's own operations on one thread (no contention).
    func testUncontendedCosts() {
        for tracing in [false, true] {
            let gil = GIL()
            if tracing { gil.startTracing(capacity: 1 << 22) }
            let me = GILThread(name: "main")
            gil.attach(me)
            let rounds = 1_000_000
            let start = MonotonicClock.nanoseconds()
            for _ in 0..<rounds { gil.blocking(me, reason: .read) {} }
            let elapsed = MonotonicClock.nanoseconds() - start
            gil.detach(me)
            print("BENCH uncontended blocking region (release + take\(tracing ? ", tracing on" : "")): "
                  + "\(elapsed / UInt64(rounds)) ns")
        }
        let breaker = EvalBreaker.allocate()
        defer { breaker.deallocate() }
        let checks = 100_000_000
        var raised = 0
        let start = MonotonicClock.nanoseconds()
        for _ in 0..<checks where breaker.isRaised { raised += 1 }
        let elapsed = MonotonicClock.nanoseconds() - start
        print("BENCH eval breaker check: \(Double(elapsed) / Double(checks)) ns per check (raised \(raised))")
    }
}
