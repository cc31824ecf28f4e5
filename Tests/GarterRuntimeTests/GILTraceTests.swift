import Foundation
import XCTest
@testable import GarterRuntime

/// The GIL timeline's events and their Chrome Trace Event JSON.
final class GILTraceTests: XCTestCase {
    private func tracedRun(capacity: Int = 1 << 16) -> (GIL, GILTrace) {
        let gil = GIL(switchInterval: SwitchInterval(microseconds: 200))
        gil.startTracing(capacity: capacity)
        let threads = GILTestThreads()
        let stop = GILSharedWords(count: 1)
        for index in 0..<3 {
            threads.spawn("traced-\(index)") {
                let me = GILThread(name: index == 0 ? "Main \"quoted\"\n" : "worker-\(index)")
                gil.attach(me)
                var iteration = 0
                while stop[0] == 0 {
                    _ = gilSimulatedInstructions(400, seed: iteration)
                    iteration += 1
                    if index == 2 && iteration % 50 == 0 {
                        gil.blocking(me, reason: .sleep) { usleep(100) }
                    }
                    if iteration % 32 == 0 && gil.statistics().forcedSwitches >= 10
                        && gil.statistics().totals.blockingRegions >= 3 {
                        stop[0] = 1
                    }
                    gilCheckEvalBreaker(gil, me)
                }
                gil.detach(me)
            }
        }
        XCTAssertTrue(threads.join())
        return (gil, gil.stopTracing())
    }

    func testTraceRecordsTheProtocol() {
        let (gil, trace) = tracedRun()
        XCTAssertFalse(gil.isTracing)
        let kinds = Set(trace.events.map(\.kind))
        for kind: GILTraceEvent.Kind in [.threadStarted, .threadEnded, .waitBegan, .acquired, .released,
                                         .dropRequested, .forcedRelease, .blockingBegan, .blockingEnded] {
            XCTAssertTrue(kinds.contains(kind), "no \(kind) event")
        }
        XCTAssertEqual(trace.threadNames.count, 3)
        XCTAssertEqual(trace.droppedEvents, 0)
        // One clock, events appended under one mutex: time never goes back.
        XCTAssertEqual(trace.events.map(\.nanoseconds), trace.events.map(\.nanoseconds).sorted())
        // Acquisitions and releases alternate, whoever the thread.
        var held = false
        for event in trace.events {
            if event.kind == .acquired { XCTAssertFalse(held); held = true }
            if event.kind == .released { XCTAssertTrue(held); held = false }
        }
        XCTAssertEqual(trace.events.filter { $0.kind == .blockingBegan }.allSatisfy { $0.reason == .sleep }, true)
    }

    func testChromeTraceJSONIsWellFormed() throws {
        let (_, trace) = tracedRun()
        let json = ChromeTraceWriter.json(trace, processName: "test")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let events = try XCTUnwrap(object?["traceEvents"] as? [[String: Any]])
        XCTAssertFalse(events.isEmpty)
        var open: [Int: String] = [:]
        var lastTimestamp: [Int: Double] = [:]
        var names: [Int: String] = [:]
        for event in events {
            let phase = try XCTUnwrap(event["ph"] as? String)
            XCTAssertEqual(event["pid"] as? Int, 1)
            if phase == "M" {
                if event["name"] as? String == "thread_name", let tid = event["tid"] as? Int {
                    names[tid] = (event["args"] as? [String: Any])?["name"] as? String
                }
                continue
            }
            let tid = try XCTUnwrap(event["tid"] as? Int)
            let timestamp = try XCTUnwrap(event["ts"] as? Double)
            XCTAssertGreaterThanOrEqual(timestamp, lastTimestamp[tid] ?? 0)
            lastTimestamp[tid] = timestamp
            let name = try XCTUnwrap(event["name"] as? String)
            switch phase {
            case "B":
                XCTAssertNil(open[tid], "span \(name) opened inside \(open[tid] ?? "")")
                open[tid] = name
            case "E":
                XCTAssertEqual(open[tid], name)
                open[tid] = nil
            case "i":
                XCTAssertEqual(event["s"] as? String, "t")
            default:
                XCTFail("unexpected phase \(phase)")
            }
        }
        XCTAssertTrue(open.isEmpty, "unclosed spans: \(open)")
        XCTAssertEqual(Set(names.values), ["Main \"quoted\"\n", "worker-1", "worker-2"])
        XCTAssertTrue(events.contains { $0["name"] as? String == "blocking: sleep" })
        XCTAssertTrue(events.contains { $0["name"] as? String == "forced release" })
    }

    func testFullBufferStopsRecordingAndWriterClosesSpans() throws {
        let (_, trace) = tracedRun(capacity: 25)
        XCTAssertEqual(trace.events.count, 25)
        XCTAssertGreaterThan(trace.droppedEvents, 0)
        let json = ChromeTraceWriter.json(trace)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        XCTAssertEqual(json.components(separatedBy: "\"ph\":\"B\"").count,
                       json.components(separatedBy: "\"ph\":\"E\"").count)
    }

    func testTraceStartedMidRunBeginsWithEachThreadsState() {
        let gil = GIL()
        let main = GILThread(name: "main")
        gil.attach(main)
        gil.startTracing()
        gil.blocking(main, reason: .input) {}
        gil.detach(main)
        let trace = gil.stopTracing()
        XCTAssertEqual(trace.events.map(\.kind), [.acquired, .released, .blockingBegan, .blockingEnded,
                                                  .acquired, .released, .threadEnded])
        XCTAssertEqual(trace.threadNames, [main.number: "main"])
        XCTAssertEqual(trace.events[2].reason, .input)
    }

    func testTracingOffRecordsNothing() {
        let gil = GIL()
        let main = GILThread(name: "main")
        gil.attach(main)
        gil.detach(main)
        XCTAssertEqual(gil.traceSnapshot().events, [])
    }
}
