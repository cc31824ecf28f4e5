import Foundation
import XCTest
@testable import GarterRuntime

/// Speed against CPython: finds every match of a few patterns in a 1 MB
/// subject and prints the CPU time (best of seven) next to CPython's. Runs only when
/// GARTER_REGEX_BENCH names a file written by
/// `scripts/gen_regex_cases.py --bench FILE`; meaningful in a release build:
///
///     GARTER_REGEX_BENCH=/tmp/bench.json swift test -c release --filter RegexBenchmark
///
/// It reports; it asserts only that the match counts agree with CPython's.
final class RegexBenchmarkTests: XCTestCase {
    func testFindAllMatchesIn1MB() throws {
        guard let path = ProcessInfo.processInfo.environment["GARTER_REGEX_BENCH"] else { return }
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let subject = (document["subject"] as! String).unicodeScalars.map(\.value)
        let narrow = subject.map { UInt8(truncatingIfNeeded: $0) }
        XCTAssertTrue(subject.allSatisfy { $0 < 0x80 })
        var totalGarter = 0.0, totalCPython = 0.0
        print("pattern                                   matches   Garter ms  CPython finditer ms  ratio (CPU time)")
        for entry in document["patterns"] as! [[String: Any]] {
            let source = entry["source"] as! String
            let program = try RegexProgram(code: (entry["code"] as! [NSNumber]).map(\.uint32Value),
                                           groupCount: (entry["groups"] as! NSNumber).intValue)
            var best = Double.infinity
            var count = 0
            for _ in 0..<7 {
                let start = Self.cpuTime()
                count = 0
                try narrow.withUnsafeBufferPointer { buffer throws(RegexError) in
                    let state = RegexState(program: program, subjectLength: buffer.count)
                    while try state.nextSearch(.bytes(buffer)) { count += 1 }
                }
                best = min(best, Self.cpuTime() - start)
            }
            XCTAssertEqual(count, (entry["count"] as! NSNumber).intValue, source)
            let cpython = (entry["finditer_seconds"] as! NSNumber).doubleValue
            totalGarter += best
            totalCPython += cpython
            print(source.padding(toLength: 40, withPad: " ", startingAt: 0),
                  String(format: "%8d  %10.2f  %19.2f  %5.2f", count, best * 1000, cpython * 1000, best / cpython))
        }
        print(String(format: "total: Garter %.1f ms, CPython %.1f ms, ratio %.2f", totalGarter * 1000, totalCPython * 1000, totalGarter / totalCPython))
    }

    /// This process's CPU time in seconds (what CPython's time.process_time
    /// measures), steadier than wall time on a shared machine.
    static func cpuTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
