/// A snapshot of what one interpreter's GIL has done since it was created or
/// since the last `resetStatistics()`. Taken by `GIL.statistics()` at any
/// time, from any thread; the Python module `gil` exposes it as `stats()`,
/// and `-X gilstats` prints `GILStatisticsReport.text(_:)` at exit.
public struct GILStatistics: Sendable, Equatable {
    /// One thread's share. Threads that ended are kept (up to
    /// `GIL.endedThreadsKept`, after which the oldest are merged into one
    /// entry with `number` 0), so the per-thread counters always add up to
    /// `totals`.
    public struct Thread: Sendable, Equatable {
        /// The GIL's own number for the thread (1, 2, ...), also its trace
        /// track; 0 for the merged entry of older ended threads.
        public var number: UInt32
        public var name: String
        /// The identifier its creator gave (e.g. `threading.get_ident()`).
        public var ident: UInt64
        public var isAlive: Bool
        public var counters: GILCounters
    }

    /// Blocking regions of one reason.
    public struct Blocking: Sendable, Equatable {
        public var reason: BlockingReason
        public var regions: UInt64
        public var nanoseconds: UInt64
    }

    /// Nanoseconds covered by these statistics (since creation or reset).
    public var elapsedNanoseconds: UInt64
    public var switchInterval: SwitchInterval
    public var convoyFixEnabled: Bool

    public var totals: GILCounters
    /// Acquisitions by a different thread than the one that held the GIL
    /// last, after a release made because of a drop request.
    public var forcedSwitches: UInt64
    /// Acquisitions by a different thread than the last holder, after a
    /// release for any other reason (blocking region, thread end).
    public var voluntarySwitches: UInt64
    /// The wait of every acquisition counted in `totals`.
    public var waitHistogram: WaitTimeHistogram
    /// One entry per reason, in `BlockingReason.allCases` order.
    public var blocking: [Blocking]
    public var threads: [Thread]

    /// The thread holding the GIL when the snapshot was taken, if any.
    public var holder: UInt32?
    /// How many threads were waiting for the GIL then.
    public var waitingThreads: Int

    /// The per-thread counters added up (equal to `totals`).
    public var sumOfThreads: GILCounters {
        threads.reduce(GILCounters()) { $0.adding($1.counters) }
    }
}
