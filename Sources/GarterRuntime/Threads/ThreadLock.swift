/// The lock behind `_thread.lock` (and `RLock`, queues, `threading`'s
/// conditions): a flag guarded by a mutex, with waiters on a condition
/// variable whose timed waits run on the monotonic clock.
///
/// Unlike a pthread mutex, any thread may release it, which Python's lock
/// semantics require (`threading.Condition` and `Event` rely on that). It
/// holds no Python objects, so its waits run outside the GIL: the Python
/// side calls `tryAcquire()` first (an uncontended lock never releases the
/// GIL) and only then `acquire(timeoutNanoseconds:)` inside a `.lockWait`
/// blocking region.
final class ThreadLock: @unchecked Sendable {
    private let mutex = SystemMutex()
    private let released = SystemCondition()
    /// Guarded by `mutex`.
    @exclusivity(unchecked) private var held = false
    @exclusivity(unchecked) private var waiters = 0

    init() {}

    /// Takes the lock if it is free; never waits.
    func tryAcquire() -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        if held { return false }
        held = true
        return true
    }

    /// Waits for the lock, at most `timeoutNanoseconds` (nil: for ever).
    /// Returns whether it was taken.
    func acquire(timeoutNanoseconds: UInt64?) -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        if !held {
            held = true
            return true
        }
        waiters += 1
        defer { waiters -= 1 }
        guard let timeoutNanoseconds else {
            while held { released.wait(mutex) }
            held = true
            return true
        }
        let deadline = GIL.adding(timeoutNanoseconds, to: MonotonicClock.nanoseconds())
        while held {
            let now = MonotonicClock.nanoseconds()
            if now >= deadline { return false }
            _ = released.wait(mutex, nanoseconds: deadline - now)
        }
        held = true
        return true
    }

    /// Releases the lock; false if it was not held (the caller raises).
    func release() -> Bool {
        mutex.lock()
        defer { mutex.unlock() }
        guard held else { return false }
        held = false
        if waiters > 0 { released.signal() }
        return true
    }

    var isLocked: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return held
    }
}
