extension GIL {
    /// Runs `body` without the GIL: the one way every blocking call (sleep,
    /// I/O, select, lock waits, waitpid, input) and every long native
    /// computation leaves the GIL to other threads (DESIGN.md S4, S5).
    ///
    /// `body` must not touch Python objects or thread state. It is not
    /// escaping, so calling this allocates nothing.
    ///
    ///     let slept = gil.blocking(thread, reason: .sleep) { nanosleep(...) }
    @inline(__always) @discardableResult
    public func blocking<Result, Failure: Error>(
        _ thread: GILThread, reason: BlockingReason,
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        beginBlocking(thread, reason: reason)
        defer { endBlocking(thread) }
        return try body()
    }

    /// The first half of `blocking`, for code that cannot wrap the call in a
    /// closure; `endBlocking` must follow on the same thread.
    public func beginBlocking(_ thread: GILThread, reason: BlockingReason) {
        mutex.lock()
        let now = MonotonicClock.nanoseconds()
        releaseLocked(thread, forced: false, at: now)
        thread.phase = .blocking(reason)
        thread.blockingSince = now
        if trace.isOn { trace.record(.blockingBegan, thread: thread.number, at: now, reason: reason) }
        mutex.unlock()
    }

    /// The second half of `blocking`: takes the GIL back. With the convoy
    /// fix on, a thread that finds the GIL held asks for it at once.
    public func endBlocking(_ thread: GILThread) {
        mutex.lock()
        guard case .blocking(let reason) = thread.phase else {
            mutex.unlock()
            preconditionFailure("endBlocking without beginBlocking")
        }
        let now = MonotonicClock.nanoseconds()
        let duration = elapsed(since: thread.blockingSince, until: now)
        thread.counters.blockingRegions &+= 1
        thread.counters.blockingNanoseconds &+= duration
        totals.blockingRegions &+= 1
        totals.blockingNanoseconds &+= duration
        blockingRegions[Int(reason.rawValue)] &+= 1
        blockingNanoseconds[Int(reason.rawValue)] &+= duration
        if trace.isOn { trace.record(.blockingEnded, thread: thread.number, at: now, reason: reason) }
        thread.phase = .waiting
        takeLocked(thread, priority: convoyFix)
        mutex.unlock()
    }
}
