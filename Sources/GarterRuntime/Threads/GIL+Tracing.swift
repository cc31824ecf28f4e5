extension GIL {
    /// Starts recording GIL events into a fresh buffer of `capacity` events
    /// (24 bytes each; recording stops, counting what it drops, when full).
    /// The trace begins with the state of every attached thread, so a trace
    /// started mid-run still reads correctly.
    public func startTracing(capacity: Int = 1 << 20) {
        mutex.lock()
        defer { mutex.unlock() }
        let now = MonotonicClock.nanoseconds()
        trace.start(capacity: capacity, at: now)
        for thread in attachedThreads {
            trace.name(thread.number, thread.name)
            switch thread.phase {
            case .holding: trace.record(.acquired, thread: thread.number, at: now)
            case .waiting: trace.record(.waitBegan, thread: thread.number, at: now)
            case .blocking(let reason): trace.record(.blockingBegan, thread: thread.number, at: now, reason: reason)
            case .detached: break
            }
        }
    }

    /// The events recorded so far; tracing goes on.
    public func traceSnapshot() -> GILTrace {
        locked { trace.snapshot(at: MonotonicClock.nanoseconds()) }
    }

    /// Stops recording and returns what was recorded.
    public func stopTracing() -> GILTrace {
        mutex.lock()
        defer { mutex.unlock() }
        let recorded = trace.snapshot(at: MonotonicClock.nanoseconds())
        trace.stop()
        return recorded
    }

    public var isTracing: Bool { locked { trace.isOn } }
}
