import Foundation
import XCTest
@testable import GarterRuntime

/// Timings of the tables and hashes, printed, never asserted (DESIGN.md §3).
/// Skipped unless GARTER_BENCH=1; meaningful only in a release build:
///     GARTER_BENCH=1 swift test -c release --filter DictStoragePerformanceTests
final class DictStoragePerformanceTests: XCTestCase {
    func testReportNanosecondsPerOperation() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["GARTER_BENCH"] == "1", "set GARTER_BENCH=1")
        let n = 1_000_000
        let never: KeyEquality = { _, _ throws(EvalError) in false }
        func measure(_ label: String, operations: Int = n, _ body: () throws -> Void) rethrows {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
            print("\(label): \(String(format: "%.1f", elapsed / Double(operations))) ns/op")
        }
        let dict = DictStorage()
        try measure("dict insert, 1M int keys") {
            for i in 0..<n { try dict.insert(.int(i), hash: NumberHash.hash(i), value: .int(i), keyIsExactStr: false, equal: never) }
        }
        try measure("dict lookup, 1M int keys") {
            for i in 0..<n { XCTAssertNotNil(try dict.lookup(.int(i), hash: NumberHash.hash(i), equal: never)) }
        }
        try measure("dict remove, 1M int keys") {
            for i in 0..<n { _ = try dict.remove(.int(i), hash: NumberHash.hash(i), equal: never) }
        }
        dict.deallocate()
        let set = SetStorage()
        try measure("set add, 1M ints") {
            for i in 0..<n { try set.add(.int(i), hash: NumberHash.hash(i), equal: never) }
        }
        try measure("set contains, 1M ints") {
            for i in 0..<n { XCTAssertTrue(try set.contains(.int(i), hash: NumberHash.hash(i), equal: never)) }
        }
        set.deallocate()
        let secret = HashSecret(seed: 0)
        // The first code point changes each time, so no hash can be hoisted.
        var word = Array("hello_world".unicodeScalars.map(\.value))
        var sink = 0
        measure("hash(str), 11 ASCII characters") {
            for i in 0..<n {
                word[0] = UInt32(0x61 + i & 15)
                sink &+= secret.hash(codePoints: word)
            }
        }
        var long = [UInt32](repeating: 0x20AC, count: 1000)
        measure("hash(str), 1000 BMP characters", operations: 10_000) {
            for i in 0..<10_000 {
                long[0] = UInt32(0x2000 + i & 255)
                sink &+= secret.hash(codePoints: long)
            }
        }
        XCTAssertNotEqual(sink, 1)
    }
}
