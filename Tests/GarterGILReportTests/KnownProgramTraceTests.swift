import Foundation
import XCTest
import GarterGILReport
import GarterRuntime

/// The whole path on a real run: Python threads in the interpreter, the
/// GIL's trace, its Chrome JSON, the report's reading of it. A test of
/// structure and coarse bounds only; nothing here depends on exact timings.
final class KnownProgramTraceTests: XCTestCase {
    /// One thread sleeps 0.2 s while the main thread spins on a lock it
    /// polls without blocking (`acquire(False)` never releases the GIL).
    static let program = """
    import _thread, time
    started = _thread.allocate_lock(); started.acquire()
    done = _thread.allocate_lock(); done.acquire()
    def sleeper():
        started.release()
        time.sleep(0.2)
        done.release()
    _thread.start_new_thread(sleeper, ())
    started.acquire()
    spins = 0
    while not done.acquire(False):
        spins += 1
    print("spun", spins > 0)

    """

    /// Runs `source` as `__main__` with the trace on, as `-X giltrace` does,
    /// on a thread with a large stack (the evaluation loop recurses).
    private func tracedRun(_ source: String) -> (output: String, json: String) {
        final class Box: @unchecked Sendable { var output = ""; var json = "" }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let interpreter = Interpreter(hashSecret: HashSecret(seed: 0))
            _ = interpreter.installSys(SysConfiguration())
            interpreter.gil.startTracing()
            var printed: [UInt8] = []
            let output = OutputBuffer { printed += $0 }
            let main = MainProgram(interpreter: interpreter, output: output)
            _ = main.run(source: Array(source.utf8), filename: "<known>", isFile: false)
            _ = main.finish(status: 0)
            box.json = ChromeTraceWriter.json(interpreter.gil.stopTracing())
            box.output = String(decoding: printed, as: UTF8.self)
            done.signal()
        }
        thread.stackSize = 512 << 20
        thread.start()
        done.wait()
        return (box.output, box.json)
    }

    func testSleeperAndSpinner() throws {
        let (output, json) = tracedRun(Self.program)
        XCTAssertEqual(output, "spun True\n")
        let timeline = try ChromeTraceReader.read(Array(json.utf8))
        XCTAssertEqual(timeline.droppedEvents, 0)
        guard let main = timeline.lanes.first(where: { $0.name == "MainThread" }),
              let sleeper = timeline.lanes.first(where: { $0.name == "sleeper" }) else {
            return XCTFail("lanes: \(timeline.lanes.map(\.name))")
        }
        XCTAssertEqual(timeline.lanes.count, 2)
        XCTAssertTrue(sleeper.instants.contains { $0.kind == .threadStarted })
        XCTAssertTrue(sleeper.instants.contains { $0.kind == .threadEnded })

        // The sleeper: one sleep of about 0.2 s outside the GIL.
        let sleeps = sleeper.spans.filter { $0.state == .blocked("sleep") }
        XCTAssertEqual(sleeps.count, 1)
        guard let sleep = sleeps.first else { return }
        XCTAssertGreaterThanOrEqual(sleep.duration, 190_000_000)
        XCTAssertLessThan(sleep.duration, 3_000_000_000)
        // It held the GIL before and after, not during.
        XCTAssertTrue(sleeper.spans.contains { $0.state == .holding && $0.end <= sleep.start })
        XCTAssertTrue(sleeper.spans.contains { $0.state == .holding && $0.start >= sleep.end })
        XCTAssertFalse(sleeper.spans.contains { $0.state == .holding && $0.start < sleep.end && $0.end > sleep.start })

        // The main thread waited for the sleeper's start in a lock wait,
        // then held the GIL for (nearly) all of the sleep: nobody asked.
        XCTAssertTrue(main.spans.contains { $0.state == .blocked("lock wait") && $0.end <= sleep.start + 50_000_000 })
        let during = timeline.window(from: sleep.start, to: sleep.end)
        let summary = GILSummary(during)
        let mainShare = summary.threads.first { $0.name == "MainThread" }!.heldFraction
        XCTAssertGreaterThan(mainShare, 0.9, GILSummaryText.text(summary))
        XCTAssertEqual(summary.forcedReleases, 0)

        // Spans on a lane never overlap; the GIL is never held by two at once.
        for lane in timeline.lanes {
            for (a, b) in zip(lane.spans, lane.spans.dropFirst()) { XCTAssertLessThanOrEqual(a.end, b.start) }
        }
        let holds = timeline.lanes.flatMap { $0.spans.filter { $0.state == .holding } }.sorted { $0.start < $1.start }
        for (a, b) in zip(holds, holds.dropFirst()) { XCTAssertLessThanOrEqual(a.end, b.start) }
    }
}
