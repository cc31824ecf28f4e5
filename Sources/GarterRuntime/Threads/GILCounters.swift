/// What the GIL counts, once for the whole interpreter and once per thread
/// (the per-thread counters add up to the totals; `adding(_:)` is how).
///
/// Only completed intervals are counted: a hold, wait or blocking region is
/// added when it ends, so a thread holding the GIL right now has one
/// acquisition more than releases.
public struct GILCounters: Sendable, Equatable {
    /// Times the GIL was taken (thread start, after a blocking region, after a
    /// forced drop).
    public var acquisitions: UInt64 = 0
    public var releases: UInt64 = 0
    /// Releases made because a drop request was pending (forced switching).
    public var forcedReleases: UInt64 = 0
    /// Drop requests made by waiting threads (per thread: made by this one).
    public var dropRequests: UInt64 = 0
    /// Of those, made at once by a thread returning from a blocking region
    /// (the convoy fix) rather than after a switch interval.
    public var priorityDropRequests: UInt64 = 0
    /// Time spent holding the GIL, in nanoseconds.
    public var holdNanoseconds: UInt64 = 0
    /// Time spent waiting for the GIL, in nanoseconds.
    public var waitNanoseconds: UInt64 = 0
    public var longestWaitNanoseconds: UInt64 = 0
    /// Blocking regions finished, and the time spent in them.
    public var blockingRegions: UInt64 = 0
    public var blockingNanoseconds: UInt64 = 0

    public init() {}

    /// The sum of two sets of counters (the longest wait is the larger one).
    public func adding(_ other: GILCounters) -> GILCounters {
        var sum = self
        sum.acquisitions &+= other.acquisitions
        sum.releases &+= other.releases
        sum.forcedReleases &+= other.forcedReleases
        sum.dropRequests &+= other.dropRequests
        sum.priorityDropRequests &+= other.priorityDropRequests
        sum.holdNanoseconds &+= other.holdNanoseconds
        sum.waitNanoseconds &+= other.waitNanoseconds
        sum.longestWaitNanoseconds = max(longestWaitNanoseconds, other.longestWaitNanoseconds)
        sum.blockingRegions &+= other.blockingRegions
        sum.blockingNanoseconds &+= other.blockingNanoseconds
        return sum
    }

    mutating func recordWait(_ nanoseconds: UInt64) {
        acquisitions &+= 1
        waitNanoseconds &+= nanoseconds
        longestWaitNanoseconds = max(longestWaitNanoseconds, nanoseconds)
    }
}
