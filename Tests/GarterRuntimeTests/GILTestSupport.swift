import Dispatch
import Foundation
import Synchronization
@testable import GarterRuntime

/// Real OS threads for the GIL tests, joined with a generous deadline so that
/// a deadlock fails the test instead of hanging the suite. The deadline is a
/// safety net, not a timing assertion.
final class GILTestThreads: @unchecked Sendable {
    private let group = DispatchGroup()

    func spawn(_ name: String, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            body()
            self.group.leave()
        }
        thread.name = name
        thread.start()
    }

    /// True if every thread finished within `seconds`.
    func join(seconds: Double = 120) -> Bool {
        group.wait(timeout: .now() + seconds) == .success
    }
}

/// Plain (non-atomic) words shared by test threads. Only code holding the
/// GIL touches them, so a lost update is a breach of mutual exclusion.
final class GILSharedWords: @unchecked Sendable {
    let words: UnsafeMutablePointer<Int>
    let count: Int

    init(count: Int) {
        self.count = count
        words = .allocate(capacity: count)
        words.initialize(repeating: 0, count: count)
    }

    deinit { words.deallocate() }

    subscript(index: Int) -> Int {
        get { words[index] }
        set { words[index] = newValue }
    }
}

/// Counters read and written by any thread, outside the GIL.
final class GILAtomicCounters: Sendable {
    let holders = Atomic<Int>(0)
    let maximumHolders = Atomic<Int>(0)
    let stop = Atomic<Bool>(false)
    let flag = Atomic<Int>(0)

    /// Marks the start of a stretch of code that runs under the GIL.
    func enterHeldRegion() {
        let now = holders.add(1, ordering: .sequentiallyConsistent).newValue
        var seen = maximumHolders.load(ordering: .relaxed)
        while now > seen {
            let (exchanged, original) = maximumHolders.compareExchange(
                expected: seen, desired: now, ordering: .sequentiallyConsistent)
            if exchanged { break }
            seen = original
        }
    }

    func leaveHeldRegion() {
        holders.subtract(1, ordering: .sequentiallyConsistent)
    }
}

/// Stands for the evaluation loop between two eval breaker checks: `count`
/// steps of integer arithmetic that the optimiser cannot remove.
@inline(never)
func gilSimulatedInstructions(_ count: Int, seed: Int) -> Int {
    var x = seed
    for step in 0..<count { x = x &* 6_364_136_223_846_793_005 &+ step }
    return x
}

/// The check a backward jump makes: one load, and the slow path if a bit is
/// up.
@inline(__always)
func gilCheckEvalBreaker(_ gil: GIL, _ thread: GILThread) {
    if thread.breaker.isRaised { gil.yieldForDropRequest(thread) }
}

/// Waits (polling, without the GIL) until `condition` holds or `seconds`
/// pass; returns whether it held.
func gilEventually(seconds: Double = 60, _ condition: () -> Bool) -> Bool {
    let deadline = DispatchTime.now() + seconds
    while DispatchTime.now() < deadline {
        if condition() { return true }
        usleep(200)
    }
    return condition()
}
