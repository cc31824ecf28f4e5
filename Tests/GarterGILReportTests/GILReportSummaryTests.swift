import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import GarterGILReport

/// The report's arithmetic on a hand-made trace whose every number is known.
final class GILReportSummaryTests: XCTestCase {
    /// Two threads over 40 ms. main: holds 0-10, sleeps 10-30, waits 30-32
    /// (asking with the convoy fix at 30), holds 32-40. worker: waits 0-10,
    /// holds 10-32 (forced off at 32), waits 32-40.
    static let json = """
    {"displayTimeUnit":"ms","traceEvents":[
    {"name":"process_name","ph":"M","pid":1,"args":{"name":"garter"}},
    {"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"MainThread"}},
    {"name":"thread_name","ph":"M","pid":1,"tid":2,"args":{"name":"worker <1> & \\"co\\""}},
    {"name":"holds GIL","cat":"gil","ph":"B","ts":0.000,"pid":1,"tid":1},
    {"name":"waits for GIL","cat":"gil","ph":"B","ts":0.000,"pid":1,"tid":2},
    {"name":"holds GIL","cat":"gil","ph":"E","ts":10000.000,"pid":1,"tid":1},
    {"name":"blocking: sleep","cat":"blocking","ph":"B","ts":10000.000,"pid":1,"tid":1},
    {"name":"waits for GIL","cat":"gil","ph":"E","ts":10000.000,"pid":1,"tid":2},
    {"name":"holds GIL","cat":"gil","ph":"B","ts":10000.000,"pid":1,"tid":2},
    {"name":"blocking: sleep","cat":"blocking","ph":"E","ts":30000.000,"pid":1,"tid":1},
    {"name":"waits for GIL","cat":"gil","ph":"B","ts":30000.000,"pid":1,"tid":1},
    {"name":"drop request (convoy fix)","cat":"gil","ph":"i","s":"t","ts":30000.000,"pid":1,"tid":1,"args":{"holder":2,"priority":true}},
    {"name":"forced release","cat":"gil","ph":"i","s":"t","ts":32000.000,"pid":1,"tid":2,"args":{}},
    {"name":"holds GIL","cat":"gil","ph":"E","ts":32000.000,"pid":1,"tid":2},
    {"name":"waits for GIL","cat":"gil","ph":"B","ts":32000.000,"pid":1,"tid":2},
    {"name":"waits for GIL","cat":"gil","ph":"E","ts":32000.000,"pid":1,"tid":1},
    {"name":"holds GIL","cat":"gil","ph":"B","ts":32000.000,"pid":1,"tid":1},
    {"name":"holds GIL","cat":"gil","ph":"E","ts":40000.000,"pid":1,"tid":1},
    {"name":"waits for GIL","cat":"gil","ph":"E","ts":40000.000,"pid":1,"tid":2}
    ],"otherData":{"droppedEvents":0,"durationNs":40000000}}
    """

    private func timeline() throws -> GILTimeline {
        try ChromeTraceReader.read(Array(Self.json.utf8))
    }

    func testReaderBuildsLanes() throws {
        let timeline = try timeline()
        XCTAssertEqual(timeline.duration, 40_000_000)
        XCTAssertEqual(timeline.lanes.map(\.name), ["MainThread", "worker <1> & \"co\""])
        XCTAssertEqual(timeline.lanes[0].spans, [
            .init(start: 0, end: 10_000_000, state: .holding),
            .init(start: 10_000_000, end: 30_000_000, state: .blocked("sleep")),
            .init(start: 30_000_000, end: 32_000_000, state: .waiting),
            .init(start: 32_000_000, end: 40_000_000, state: .holding),
        ])
        XCTAssertEqual(timeline.lanes[0].instants, [.init(time: 30_000_000, kind: .convoyFixRequest)])
        XCTAssertEqual(timeline.lanes[1].instants, [.init(time: 32_000_000, kind: .forcedRelease)])
    }

    func testSummaryNumbers() throws {
        let summary = GILSummary(try timeline())
        XCTAssertEqual(summary.held, 40_000_000)
        XCTAssertEqual(summary.heldFraction, 1.0, accuracy: 1e-12)
        XCTAssertEqual(summary.switches, 2)
        XCTAssertEqual(summary.switchesPerSecond, 50, accuracy: 1e-9)
        XCTAssertEqual(summary.forcedReleases, 1)
        XCTAssertEqual(summary.dropRequests, 1)
        XCTAssertEqual(summary.convoyFixRequests, 1)
        XCTAssertEqual(summary.waitDurations, [2_000_000, 8_000_000, 10_000_000])
        XCTAssertEqual(summary.waitP50, 8_000_000)
        XCTAssertEqual(summary.waitP90, 10_000_000)
        XCTAssertEqual(summary.waitP99, 10_000_000)
        XCTAssertEqual(summary.longestWait, 10_000_000)
        XCTAssertEqual(summary.longestWaitThread, "worker <1> & \"co\"")
        let main = summary.threads[0], worker = summary.threads[1]
        XCTAssertEqual(main.held, 18_000_000)
        XCTAssertEqual(main.acquisitions, 2)
        XCTAssertEqual(main.shareOfHeld, 0.45, accuracy: 1e-12)
        XCTAssertEqual(main.blocked, 20_000_000)
        XCTAssertEqual(main.blockedByReason, ["sleep": 20_000_000])
        XCTAssertEqual(main.waits, 1)
        XCTAssertEqual(worker.held, 22_000_000)
        XCTAssertEqual(worker.shareOfHeld, 0.55, accuracy: 1e-12)
        XCTAssertEqual(worker.heldFraction, 0.55, accuracy: 1e-12)
        XCTAssertEqual(worker.waited, 18_000_000)
        XCTAssertEqual(worker.longestWait, 10_000_000)
    }

    func testWindowCutsSpansAndShiftsTime() throws {
        let window = try timeline().window(from: 5_000_000, to: 31_000_000)
        XCTAssertEqual(window.duration, 26_000_000)
        XCTAssertEqual(window.lanes[0].spans, [
            .init(start: 0, end: 5_000_000, state: .holding),
            .init(start: 5_000_000, end: 25_000_000, state: .blocked("sleep")),
            .init(start: 25_000_000, end: 26_000_000, state: .waiting),
        ])
        let summary = GILSummary(window)
        XCTAssertEqual(summary.held, 5_000_000 + 21_000_000)
        XCTAssertEqual(summary.switches, 1)
        XCTAssertEqual(summary.convoyFixRequests, 1)
        XCTAssertEqual(summary.forcedReleases, 0)
    }

    func testPercentilesAreNearestRank() {
        XCTAssertNil(nearestRankPercentile([], 50))
        XCTAssertEqual(nearestRankPercentile([7], 99), 7)
        let hundred = (1...100).map(Int64.init)
        XCTAssertEqual(nearestRankPercentile(hundred, 50), 50)
        XCTAssertEqual(nearestRankPercentile(hundred, 90), 90)
        XCTAssertEqual(nearestRankPercentile(hundred, 99), 99)
        XCTAssertEqual(nearestRankPercentile(hundred, 100), 100)
        XCTAssertEqual(nearestRankPercentile([1, 2, 3, 4], 50), 2)
        XCTAssertEqual(nearestRankPercentile([1, 2, 3, 4], 51), 3)
    }

    func testReaderRejectsBrokenTraces() {
        XCTAssertThrowsError(try ChromeTraceReader.read(Array("not json".utf8)))
        XCTAssertThrowsError(try ChromeTraceReader.read(Array("{\"x\":1}".utf8)))
        let unmatched = "[{\"name\":\"holds GIL\",\"ph\":\"E\",\"ts\":1,\"pid\":1,\"tid\":1}]"
        XCTAssertThrowsError(try ChromeTraceReader.read(Array(unmatched.utf8)))
        let unclosed = "[{\"name\":\"holds GIL\",\"ph\":\"B\",\"ts\":1,\"pid\":1,\"tid\":1}]"
        XCTAssertThrowsError(try ChromeTraceReader.read(Array(unclosed.utf8)))
    }

    func testTimeAxisUsesRoundSteps() {
        let axis = TimeAxis(duration: 40_000_000, target: 8)
        XCTAssertEqual(axis.step, 5_000_000)
        XCTAssertEqual(axis.ticks.count, 9)
        XCTAssertEqual(axis.label(15_000_000), "15 ms")
        XCTAssertEqual(TimeAxis(duration: 2_500_000_000, target: 5).label(500_000_000), "500 ms")
        XCTAssertEqual(durationText(850), "850 ns")
        XCTAssertEqual(durationText(12_345), "12.3 µs")
        XCTAssertEqual(durationText(353_230_000), "353 ms")
    }

    func testRasterShowsTheDominantStatePerColumn() throws {
        let lane = try timeline().lanes[0]
        // 4 columns of 10 ms: hold, sleep, sleep, then 2 ms waiting + 8 ms holding.
        let raster = LaneRaster(lane, duration: 40_000_000, columns: 4)
        XCTAssertEqual(raster.runs, [
            .init(firstColumn: 0, columns: 1, state: .holding),
            .init(firstColumn: 1, columns: 2, state: .blocked("sleep")),
            .init(firstColumn: 3, columns: 1, state: .holding),
        ])
        XCTAssertEqual(raster.instantColumns[.convoyFixRequest], [3])
    }

    func testSVGIsWellFormedAndEscaped() throws {
        let timeline = try timeline()
        let svg = SVGTimeline(title: "a <test>").render(timeline, summary: GILSummary(timeline))
        XCTAssertTrue(svg.hasPrefix("<svg "))
        XCTAssertTrue(svg.contains("worker &lt;1&gt; &amp; &quot;co&quot;"))
        XCTAssertTrue(svg.contains("a &lt;test&gt;"))
        XCTAssertTrue(svg.contains(TimelinePalette.colour(of: .holding)))
        XCTAssertTrue(svg.contains(TimelinePalette.colour(of: .blocked("sleep"))))
        // XMLParser accepts it.
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), String(describing: parser.parserError))
    }

    func testSummaryText() throws {
        let text = GILSummaryText.text(GILSummary(try timeline()))
        XCTAssertTrue(text.contains("GIL held        100.0% of the time (40 ms)"), text)
        XCTAssertTrue(text.contains("switches        2, 50.0 per second; forced releases 1; drop requests 1 (convoy fix 1)"), text)
        XCTAssertTrue(text.contains("p50 8 ms, p90 10 ms, p99 10 ms, longest 10 ms (worker <1> & \"co\")"), text)
    }
}
