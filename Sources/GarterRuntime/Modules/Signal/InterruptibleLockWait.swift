// Lock waits of the main thread that signals interrupt, as CPython's
// `acquire_timed` with `intr_flag`: a pending signal runs the Python
// handlers; if one raises (KeyboardInterrupt from Ctrl-C), the acquire
// raises, else the wait goes on until its deadline.
//
// `ThreadLock` waits on a condition variable, which signals do not wake
// (and the C signal handler may not touch), so the main thread waits in
// slices and looks at its eval breaker between them. Other threads never
// run signal handlers and wait in one piece.

extension ThreadState {
    /// How long the main thread waits for a lock before it looks for
    /// pending signals again (the worst delay Ctrl-C sees in `acquire()`).
    static let signalCheckSlice: UInt64 = 20_000_000

    /// `acquire(lock, wait)`, interruptible by signals on the main thread.
    func acquireInterruptibly(_ lock: ThreadLock, _ wait: LockWait) throws(EvalError) -> Bool {
        guard self === interpreter.threadRegistry.mainThread, wait != .noWait else { return acquire(lock, wait) }
        if lock.tryAcquire() { return true }
        var deadline: UInt64? = nil
        if case .nanoseconds(let limit) = wait {
            if limit == 0 { return false }
            deadline = GIL.adding(limit, to: MonotonicClock.nanoseconds())
        }
        while true {
            var slice = Self.signalCheckSlice
            if let deadline {
                let now = MonotonicClock.nanoseconds()
                if now >= deadline { return false }
                slice = min(slice, deadline - now)
            }
            let step = slice
            if interpreter.gil.blocking(gilThread, reason: .lockWait, { lock.acquire(timeoutNanoseconds: step) }) {
                // CPython checks its eval breaker right after a call
                // returns: a signal that came while this thread waited
                // (`interrupt_main` from the thread that released the lock)
                // runs its handler now, leaving the lock acquired if the
                // handler raises, as there. Garter's loop checks only at
                // calls and backward jumps, later: inside `Condition.wait`'s
                // `finally`, where the exception would lose the lock.
                if evalBreaker.contains(.signalsPending) { try interpreter.handlePendingSignals(self) }
                return true
            }
            if evalBreaker.contains(.signalsPending) { try interpreter.handlePendingSignals(self) }
        }
    }
}
