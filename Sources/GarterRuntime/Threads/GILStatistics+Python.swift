extension GILCounters {
    /// The counters under the names the Python module `gil` uses as keys of
    /// the dicts `gil.stats()` returns (times in nanoseconds).
    public var pythonFields: [(name: String, value: UInt64)] {
        [("acquisitions", acquisitions), ("releases", releases), ("forced_releases", forcedReleases),
         ("drop_requests", dropRequests), ("priority_drop_requests", priorityDropRequests),
         ("hold_ns", holdNanoseconds), ("wait_ns", waitNanoseconds),
         ("longest_wait_ns", longestWaitNanoseconds), ("blocking_regions", blockingRegions),
         ("blocking_ns", blockingNanoseconds)]
    }
}

extension GILStatistics {
    /// The interpreter-wide numbers for `gil.stats()`: the totals' fields
    /// plus these (per-thread entries, the histogram and the blocking
    /// reasons are separate values, see docs/gil.md).
    public var pythonFields: [(name: String, value: UInt64)] {
        totals.pythonFields + [
            ("forced_switches", forcedSwitches), ("voluntary_switches", voluntarySwitches),
            ("elapsed_ns", elapsedNanoseconds), ("switch_interval_us", switchInterval.microseconds),
            ("convoy_fix", convoyFixEnabled ? 1 : 0), ("waiting_threads", UInt64(waitingThreads)),
        ]
    }
}
