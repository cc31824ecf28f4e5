import Foundation
import Synchronization
import XCTest
@testable import GarterRuntime

/// The GIL's statistics add up, whatever the interleaving.
final class GILStatisticsTests: XCTestCase {
    /// Three threads mixing CPU work, forced switches and blocking regions of
    /// every reason; meanwhile snapshots are taken from outside the GIL.
    func testStatisticsAddUp() {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 300))
        let threads = GILTestThreads()
        let done = GILAtomicCounters()
        let threadCount = 3
        for index in 0..<threadCount {
            threads.spawn("stats-\(index)") {
                let me = GILThread(name: "mixed-\(index)", ident: UInt64(100 + index))
                gil.attach(me)
                for iteration in 0..<1500 {
                    _ = gilSimulatedInstructions(300, seed: iteration)
                    gilCheckEvalBreaker(gil, me)
                    if iteration % 5 == index {
                        let reason = BlockingReason.allCases[iteration % BlockingReason.allCases.count]
                        gil.blocking(me, reason: reason) { _ = gilSimulatedInstructions(100, seed: iteration) }
                    }
                }
                gil.detach(me)
                done.flag.add(1, ordering: .sequentiallyConsistent)
            }
        }
        var snapshots = 0
        while done.flag.load(ordering: .sequentiallyConsistent) < threadCount && snapshots < 100_000 {
            let snapshot = gil.statistics()
            let inProgress: UInt64 = snapshot.holder == nil ? 0 : 1
            XCTAssertEqual(snapshot.totals.acquisitions, snapshot.totals.releases + inProgress)
            XCTAssertEqual(snapshot.sumOfThreads, snapshot.totals)
            snapshots += 1
            usleep(100)
        }
        XCTAssertTrue(threads.join())
        let statistics = gil.statistics()
        let totals = statistics.totals
        XCTAssertEqual(totals.acquisitions, totals.releases)
        XCTAssertEqual(statistics.sumOfThreads, totals)
        XCTAssertEqual(statistics.threads.count, threadCount)
        XCTAssertTrue(statistics.threads.allSatisfy { !$0.isAlive })
        XCTAssertEqual(Set(statistics.threads.map(\.ident)), [100, 101, 102])
        XCTAssertEqual(statistics.waitHistogram.total, totals.acquisitions)
        XCTAssertEqual(statistics.blocking.reduce(0) { $0 + $1.regions }, totals.blockingRegions)
        XCTAssertEqual(statistics.blocking.reduce(0) { $0 + $1.nanoseconds }, totals.blockingNanoseconds)
        XCTAssertEqual(totals.blockingRegions, 3 * 300)
        XCTAssertEqual(statistics.forcedSwitches, totals.forcedReleases)
        XCTAssertLessThanOrEqual(statistics.forcedSwitches + statistics.voluntarySwitches, totals.acquisitions)
        XCTAssertLessThanOrEqual(totals.forcedReleases, totals.dropRequests)
        XCTAssertLessThanOrEqual(totals.holdNanoseconds, statistics.elapsedNanoseconds)
        XCTAssertGreaterThanOrEqual(totals.waitNanoseconds, totals.longestWaitNanoseconds)
        XCTAssertEqual(totals.longestWaitNanoseconds, statistics.threads.map(\.counters.longestWaitNanoseconds).max())
        XCTAssertNil(statistics.holder)
        XCTAssertEqual(statistics.waitingThreads, 0)
    }

    func testResetCountsTheCurrentHoldFromNow() {
        let gil = GIL()
        let main = GILThread(name: "main")
        gil.attach(main)
        gil.blocking(main, reason: .sleep) {}
        XCTAssertEqual(gil.statistics().totals.acquisitions, 2)
        gil.resetStatistics()
        var statistics = gil.statistics()
        XCTAssertEqual(statistics.totals.acquisitions, 1)
        XCTAssertEqual(statistics.totals.releases, 0)
        XCTAssertEqual(statistics.totals.blockingRegions, 0)
        XCTAssertEqual(statistics.waitHistogram.total, 1)
        XCTAssertEqual(statistics.sumOfThreads, statistics.totals)
        gil.detach(main)
        statistics = gil.statistics()
        XCTAssertEqual(statistics.totals.acquisitions, statistics.totals.releases)
        XCTAssertLessThanOrEqual(statistics.totals.holdNanoseconds, statistics.elapsedNanoseconds)
        gil.resetStatistics()
        XCTAssertEqual(gil.statistics().threads, [])
        XCTAssertEqual(gil.statistics().totals, GILCounters())
    }

    func testEndedThreadsBeyondTheLimitAreMergedAndStillAddUp() {
        let gil = GIL()
        let extra = 10
        for index in 0..<(GIL.endedThreadsKept + extra) {
            let thread = GILThread(name: "short-\(index)")
            gil.attach(thread)
            gil.blocking(thread, reason: .write) {}
            gil.detach(thread)
        }
        let statistics = gil.statistics()
        XCTAssertEqual(statistics.threads.count, GIL.endedThreadsKept + 1)
        let merged = statistics.threads[0]
        XCTAssertEqual(merged.number, 0)
        XCTAssertEqual(merged.name, "(\(extra) older ended threads)")
        XCTAssertEqual(merged.counters.acquisitions, UInt64(2 * extra))
        XCTAssertEqual(statistics.sumOfThreads, statistics.totals)
        XCTAssertEqual(statistics.threads[1].name, "short-\(extra)")
    }

    func testPythonFieldsAreTheTotalsUnderStableNames() {
        let gil = GIL()
        let main = GILThread(name: "main")
        gil.attach(main)
        gil.blocking(main, reason: .sleep) {}
        gil.detach(main)
        let statistics = gil.statistics()
        let fields = Dictionary(uniqueKeysWithValues: statistics.pythonFields.map { ($0.name, $0.value) })
        XCTAssertEqual(fields.count, statistics.pythonFields.count)
        XCTAssertEqual(fields["acquisitions"], 2)
        XCTAssertEqual(fields["releases"], 2)
        XCTAssertEqual(fields["blocking_regions"], 1)
        XCTAssertEqual(fields["switch_interval_us"], 5000)
        XCTAssertEqual(fields["convoy_fix"], 1)
        XCTAssertEqual(fields["hold_ns"], statistics.totals.holdNanoseconds)
        XCTAssertEqual(statistics.threads[0].counters.pythonFields.map(\.name),
                       statistics.totals.pythonFields.map(\.name))
    }

    func testHistogramBuckets() {
        XCTAssertEqual(WaitTimeHistogram.bucket(for: 0), 0)
        XCTAssertEqual(WaitTimeHistogram.bucket(for: 1023), 0)
        XCTAssertEqual(WaitTimeHistogram.bucket(for: 1024), 1)
        XCTAssertEqual(WaitTimeHistogram.bucket(for: 2047), 1)
        XCTAssertEqual(WaitTimeHistogram.bucket(for: 2048), 2)
        XCTAssertEqual(WaitTimeHistogram.bucket(for: 5_000_000), 13)  // 4.19 ms – 8.39 ms
        XCTAssertEqual(WaitTimeHistogram.bucket(for: UInt64.max), WaitTimeHistogram.bucketCount - 1)
        for index in 0..<WaitTimeHistogram.bucketCount {
            let low = WaitTimeHistogram.lowerBound(of: index)
            XCTAssertEqual(WaitTimeHistogram.bucket(for: low), index)
            if let high = WaitTimeHistogram.upperBound(of: index) {
                XCTAssertEqual(WaitTimeHistogram.bucket(for: high - 1), index)
                XCTAssertEqual(WaitTimeHistogram.bucket(for: high), index + 1)
            }
        }
    }

    func testReportText() {
        var totals = GILCounters()
        totals.acquisitions = 4
        totals.releases = 4
        totals.holdNanoseconds = 1_500_000_000
        totals.waitNanoseconds = 6_000_000
        totals.longestWaitNanoseconds = 5_010_000
        totals.dropRequests = 1
        totals.forcedReleases = 1
        totals.blockingRegions = 2
        totals.blockingNanoseconds = 250_000
        var histogram = WaitTimeHistogram()
        for wait: UInt64 in [100, 200, 990_000, 5_010_000] { histogram.record(wait) }
        let statistics = GILStatistics(
            elapsedNanoseconds: 2_000_000_000, switchInterval: .standard, convoyFixEnabled: true,
            totals: totals, forcedSwitches: 1, voluntarySwitches: 2, waitHistogram: histogram,
            blocking: BlockingReason.allCases.map {
                GILStatistics.Blocking(reason: $0, regions: $0 == .sleep ? 2 : 0, nanoseconds: $0 == .sleep ? 250_000 : 0)
            },
            threads: [GILStatistics.Thread(number: 1, name: "MainThread", ident: 7, isAlive: true, counters: totals)],
            holder: 1, waitingThreads: 0)
        let text = GILStatisticsReport.text(statistics)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "GIL statistics over 2.000 s (switch interval 5.00 ms, convoy fix on)")
        XCTAssertEqual(lines[1], "  acquisitions    4 (releases 4)")
        XCTAssertEqual(lines[2], "  switches        3 (forced 1, voluntary 2), 1.5 per second")
        XCTAssertEqual(lines[4], "  held            1.500 s (75.0% of the time)")
        XCTAssertEqual(lines[5], "  waited          6.00 ms in all, longest 5.01 ms, mean 1.50 ms")
        XCTAssertTrue(lines.contains { $0.hasPrefix("    < 1.02 µs") && $0.contains(" 2  ") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("    sleep ") && $0.hasSuffix("250.00 µs") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("    1*   MainThread") })
        XCTAssertEqual(GILStatisticsReport.duration(999), "999 ns")
        XCTAssertEqual(GILStatisticsReport.duration(1_234_567), "1.23 ms")
        XCTAssertEqual(GILStatisticsReport.duration(999_999), "1000.00 µs")
    }
}
