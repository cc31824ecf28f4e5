extension GIL {
    /// A consistent snapshot of the statistics; callable from any thread at
    /// any time (it takes the GIL's mutex briefly, not the GIL).
    public func statistics() -> GILStatistics {
        mutex.lock()
        defer { mutex.unlock() }
        let now = MonotonicClock.nanoseconds()
        var threads: [GILStatistics.Thread] = []
        if let olderEndedThreads { threads.append(olderEndedThreads) }
        threads += endedThreads
        threads += attachedThreads.map { $0.statistics(alive: true) }
        threads.sort { $0.number < $1.number }
        let blocking = BlockingReason.allCases.map {
            GILStatistics.Blocking(reason: $0, regions: blockingRegions[Int($0.rawValue)],
                                   nanoseconds: blockingNanoseconds[Int($0.rawValue)])
        }
        return GILStatistics(
            elapsedNanoseconds: now > epoch ? now - epoch : 0,
            switchInterval: interval,
            convoyFixEnabled: convoyFix,
            totals: totals,
            forcedSwitches: forcedSwitches,
            voluntarySwitches: voluntarySwitches,
            waitHistogram: waitHistogram,
            blocking: blocking,
            threads: threads,
            holder: holder?.number,
            waitingThreads: waitingCount)
    }

    /// Starts the statistics afresh (`gil.reset()`). Ended threads are
    /// forgotten. The current hold, if any, counts as an acquisition made
    /// now with no wait, so that acquisitions still equal releases plus the
    /// hold in progress; waits and blocking regions in progress are counted
    /// from now.
    public func resetStatistics() {
        mutex.lock()
        defer { mutex.unlock() }
        epoch = MonotonicClock.nanoseconds()
        totals = GILCounters()
        forcedSwitches = 0
        voluntarySwitches = 0
        waitHistogram = WaitTimeHistogram()
        for index in blockingRegions.indices {
            blockingRegions[index] = 0
            blockingNanoseconds[index] = 0
        }
        endedThreads = []
        olderEndedThreads = nil
        olderEndedThreadCount = 0
        for thread in attachedThreads { thread.counters = GILCounters() }
        if let holder {
            holder.counters.recordWait(0)
            totals.recordWait(0)
            waitHistogram.record(0)
        }
    }

    /// Keeps an ended thread's statistics, merging the oldest into one entry
    /// beyond `endedThreadsKept` so a long-running program's memory stays
    /// bounded while the per-thread counters still add up to the totals.
    func keepEndedThread(_ entry: GILStatistics.Thread) {
        endedThreads.append(entry)
        guard endedThreads.count > GIL.endedThreadsKept else { return }
        let oldest = endedThreads.removeFirst()
        var merged = olderEndedThreads
            ?? GILStatistics.Thread(number: 0, name: "", ident: 0, isAlive: false, counters: GILCounters())
        merged.counters = merged.counters.adding(oldest.counters)
        olderEndedThreadCount += 1
        merged.name = "(\(olderEndedThreadCount) older ended threads)"
        olderEndedThreads = merged
    }
}
