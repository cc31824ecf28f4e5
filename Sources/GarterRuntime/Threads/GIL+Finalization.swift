extension GIL {
    /// The interpreter is shutting down on `thread`, which holds the GIL:
    /// from now on no other thread gets the GIL again. Daemon threads that
    /// are still running (in a blocking region, or waiting for the GIL) stay
    /// parked when they ask for it, instead of running Python code while the
    /// interpreter is being torn down (CPython makes such threads hang
    /// too). A drop request pending for `thread` is withdrawn: its requester
    /// can no longer take the GIL.
    public func beginFinalization(_ thread: GILThread) {
        mutex.lock()
        defer { mutex.unlock() }
        precondition(holder === thread, "beginFinalization by a thread that does not hold the GIL")
        finalizer = thread
        requester = nil
        thread.breaker.clear(.gilDropRequest)
    }

    /// Whether `beginFinalization` was called.
    public var isFinalizing: Bool { locked { finalizer != nil } }
}
