import Foundation
import XCTest
import GarterGILReport
import GarterRuntime

/// The runtime's writer and the report's reader agree, on events made by hand.
final class ChromeTraceRoundTripTests: XCTestCase {
    func testForcedOffThreadWaitsFromItsForcedRelease() throws {
        // Thread 1 holds; 2 waits and asks; 1 is forced off at 5 ms, 2 takes
        // the GIL, and 1 queues again only at 7 ms (when it was scheduled).
        let events: [GILTraceEvent] = [
            .init(nanoseconds: 0, thread: 1, kind: .acquired),
            .init(nanoseconds: 0, thread: 2, kind: .waitBegan),
            .init(nanoseconds: 5_000_000, thread: 2, kind: .dropRequested, other: 1),
            .init(nanoseconds: 5_000_100, thread: 1, kind: .forcedRelease),
            .init(nanoseconds: 5_000_100, thread: 1, kind: .released),
            .init(nanoseconds: 5_000_200, thread: 2, kind: .acquired),
            .init(nanoseconds: 7_000_000, thread: 1, kind: .waitBegan),
            .init(nanoseconds: 9_000_000, thread: 2, kind: .released),
            .init(nanoseconds: 9_000_000, thread: 2, kind: .blockingBegan, reason: .read),
            .init(nanoseconds: 9_000_100, thread: 1, kind: .acquired),
        ]
        let trace = GILTrace(events: events, threadNames: [1: "one", 2: "two"], droppedEvents: 0,
                             durationNanoseconds: 10_000_000)
        let timeline = try ChromeTraceReader.read(Array(ChromeTraceWriter.json(trace).utf8))
        XCTAssertEqual(timeline.duration, 10_000_000)
        XCTAssertEqual(timeline.lanes.map(\.name), ["one", "two"])
        XCTAssertEqual(timeline.lanes[0].spans, [
            .init(start: 0, end: 5_000_100, state: .holding),
            .init(start: 5_000_100, end: 9_000_100, state: .waiting),
            .init(start: 9_000_100, end: 10_000_000, state: .holding),
        ])
        XCTAssertEqual(timeline.lanes[1].spans, [
            .init(start: 0, end: 5_000_200, state: .waiting),
            .init(start: 5_000_200, end: 9_000_000, state: .holding),
            .init(start: 9_000_000, end: 10_000_000, state: .blocked("read")),
        ])
        XCTAssertEqual(timeline.lanes[0].instants.map(\.kind), [.forcedRelease])
        XCTAssertEqual(timeline.lanes[1].instants.map(\.kind), [.dropRequest])
        let summary = GILSummary(timeline)
        XCTAssertEqual(summary.switches, 2)
        XCTAssertEqual(summary.held, 5_000_100 + 3_999_800 + 999_900)
    }

    func testCommandLineOptions() {
        let options = GILCommandLineOptions(
            xOptions: [("giltrace", "t.json"), ("gilstats", nil), ("convoyfix", "0"), ("other", "1")],
            currentDirectory: "/work")
        XCTAssertEqual(options.traceFile, "/work/t.json")
        XCTAssertTrue(options.printsStatistics)
        XCTAssertEqual(options.convoyFix, false)
        let defaults = GILCommandLineOptions(xOptions: [("giltrace", nil)], currentDirectory: "/w/")
        XCTAssertEqual(defaults.traceFile, "/w/gil-trace.json")
        XCTAssertFalse(defaults.printsStatistics)
        XCTAssertNil(defaults.convoyFix)
        XCTAssertEqual(GILCommandLineOptions(xOptions: [("giltrace", "/abs.json"), ("convoyfix", "1")],
                                             currentDirectory: "/w").traceFile, "/abs.json")
        XCTAssertNil(GILCommandLineOptions(xOptions: [], currentDirectory: "/w").traceFile)
    }
}
