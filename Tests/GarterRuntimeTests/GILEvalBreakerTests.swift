import Synchronization
import XCTest
@testable import GarterRuntime

final class GILEvalBreakerTests: XCTestCase {
    func testBitsAreRaisedAndClearedIndependently() {
        let breaker = EvalBreaker.allocate()
        defer { breaker.deallocate() }
        XCTAssertFalse(breaker.isRaised)
        breaker.raise([.signalsPending, .gilDropRequest])
        XCTAssertTrue(breaker.isRaised)
        XCTAssertTrue(breaker.contains(.gilDropRequest))
        breaker.clear(.gilDropRequest)
        XCTAssertEqual(breaker.bits, .signalsPending)
        breaker.clear(.signalsPending)
        XCTAssertFalse(breaker.isRaised)
        let all: EvalBreaker.Bits = [.gilDropRequest, .signalsPending, .pendingCalls, .asyncException, .stopTheWorld]
        XCTAssertEqual(all.rawValue.nonzeroBitCount, 5)
    }

    func testBitsRaisedByOtherThreadsAreNotLost() {
        let breaker = EvalBreaker.allocate()
        defer { breaker.deallocate() }
        let threads = GILTestThreads()
        let bits: [EvalBreaker.Bits] = [.signalsPending, .pendingCalls, .asyncException, .stopTheWorld]
        for bit in bits {
            threads.spawn("raiser") {
                for _ in 0..<10_000 {
                    breaker.raise(bit)
                    breaker.clear(bit)
                }
                breaker.raise(bit)
            }
        }
        XCTAssertTrue(threads.join())
        XCTAssertEqual(breaker.bits, [.signalsPending, .pendingCalls, .asyncException, .stopTheWorld])
        XCTAssertFalse(breaker.contains(.gilDropRequest))
    }

    /// The evaluation loop's check must stay one load of one word.
    func testBreakerIsOnePointer() {
        XCTAssertEqual(MemoryLayout<EvalBreaker>.size, MemoryLayout<UnsafeRawPointer>.size)
        XCTAssertTrue(_isPOD(EvalBreaker.self))
    }
}
