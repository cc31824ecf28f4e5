/// One interpreter's Global Interpreter Lock (DESIGN.md S1, S2).
///
/// The protocol is CPython's (Python/ceval_gil.c): the GIL is a flag guarded
/// by a mutex, and threads that find it taken wait on a condition variable.
/// A waiter that has waited a whole switch interval without seeing any switch
/// asks the holder to drop the GIL by raising `gilDropRequest` on the
/// holder's eval breaker; the holder, at its next check, releases the GIL
/// and (forced switching) waits until some other thread has taken it before
/// it queues again, so the requester really gets a turn.
///
/// Two things go beyond CPython:
/// - the waiter that made the pending drop request is the one that gets the
///   GIL when it is released (`requester`); other waiters keep waiting;
/// - the convoy fix: a thread coming back from a blocking region asks for the
///   GIL at once instead of after a switch interval (docs/gil.md explains the
///   design, its bounds and why it cannot starve anyone).
///
/// Statistics are kept inside the critical sections that the protocol needs
/// anyway, and tracing costs one test of a flag when it is off.
public final class GIL: @unchecked Sendable {
    /// Ended threads whose statistics are kept one by one; older ones are
    /// merged into a single entry.
    public static let endedThreadsKept = 256

    let mutex = SystemMutex()
    /// Waiters for the GIL wait here; a release signals it.
    let gilReleased = SystemCondition()
    /// A holder that released the GIL on request waits here for the switch.
    let gilSwitched = SystemCondition()

    // Everything below is guarded by `mutex`.
    @exclusivity(unchecked) var holder: GILThread?
    /// The number of the last thread that held the GIL (0: none yet).
    @exclusivity(unchecked) var lastHolder: UInt32 = 0
    /// Counts acquisitions; a waiter compares it across a timed wait to see
    /// whether anyone else got a turn meanwhile.
    @exclusivity(unchecked) var switchNumber: UInt64 = 0
    /// The waiter whose drop request is pending; it gets the GIL next.
    @exclusivity(unchecked) var requester: GILThread?
    @exclusivity(unchecked) var lastReleaseWasForced = false
    @exclusivity(unchecked) var waitingCount = 0
    /// Waiters back from a blocking region whose convoy-fix request is still
    /// to be made (another request was pending when they came back).
    @exclusivity(unchecked) var priorityWaitingCount = 0
    @exclusivity(unchecked) var interval: SwitchInterval
    @exclusivity(unchecked) var convoyFix: Bool
    @exclusivity(unchecked) var convoyFixMinimumHold: UInt64?
    @exclusivity(unchecked) var nextThreadNumber: UInt32 = 1
    @exclusivity(unchecked) var attachedThreads: [GILThread] = []
    /// Once set (interpreter shutdown), only this thread may take the GIL;
    /// every other thread that asks for it waits for ever, as daemon threads
    /// do in CPython after finalisation began (GIL+Finalization.swift).
    @exclusivity(unchecked) var finalizer: GILThread?

    // Statistics (GIL+Statistics.swift).
    /// Where the statistics begin: intervals that began earlier are counted
    /// from here.
    @exclusivity(unchecked) var epoch: UInt64
    @exclusivity(unchecked) var totals = GILCounters()
    @exclusivity(unchecked) var forcedSwitches: UInt64 = 0
    @exclusivity(unchecked) var voluntarySwitches: UInt64 = 0
    @exclusivity(unchecked) var waitHistogram = WaitTimeHistogram()
    @exclusivity(unchecked) var blockingRegions = [UInt64](repeating: 0, count: BlockingReason.allCases.count)
    @exclusivity(unchecked) var blockingNanoseconds = [UInt64](repeating: 0, count: BlockingReason.allCases.count)
    @exclusivity(unchecked) var endedThreads: [GILStatistics.Thread] = []
    @exclusivity(unchecked) var olderEndedThreads: GILStatistics.Thread?
    @exclusivity(unchecked) var olderEndedThreadCount = 0

    // Tracing (GIL+Tracing.swift).
    @exclusivity(unchecked) var trace = GILTraceRecorder()

    public init(switchInterval: SwitchInterval = .standard, convoyFix: Bool = true) {
        interval = switchInterval
        self.convoyFix = convoyFix
        epoch = MonotonicClock.nanoseconds()
    }

    deinit {
        trace.stop()
    }

    // MARK: Settings

    /// `sys.getswitchinterval()` / `sys.setswitchinterval()` (through
    /// `SwitchInterval(seconds:)`, which validates). Waiters pick a new value
    /// up at their next wait.
    public var switchInterval: SwitchInterval {
        get { locked { interval } }
        set { locked { interval = newValue } }
    }

    /// Whether threads returning from blocking regions ask for the GIL at
    /// once (on by default; `-X convoyfix=0` turns it off for comparison).
    public var convoyFixEnabled: Bool {
        get { locked { convoyFix } }
        set { locked { convoyFix = newValue } }
    }

    /// How long a holder keeps the GIL, at least, before a thread back from
    /// a blocking region may ask for it: nil (the default) means 1/100 of the
    /// switch interval (50 µs at 5 ms), so `sys.setswitchinterval` scales it
    /// too. It bounds what a thread that blocks and returns at a very high
    /// rate can take from CPU-bound threads (docs/gil.md).
    public var convoyFixMinimumHoldNanoseconds: UInt64? {
        get { locked { convoyFixMinimumHold } }
        set { locked { convoyFixMinimumHold = newValue } }
    }

    var minimumHoldBeforeConvoyRequest: UInt64 {
        convoyFixMinimumHold ?? interval.waitNanoseconds / 100
    }

    // MARK: Thread lifetime

    /// A thread starts running Python code: it is registered (statistics,
    /// trace) and takes the GIL. Called on the new thread itself.
    public func attach(_ thread: GILThread) {
        mutex.lock()
        precondition(!thread.isAttached, "GILThread '\(thread.name)' attached twice")
        thread.number = nextThreadNumber
        nextThreadNumber &+= 1
        thread.counters = GILCounters()
        thread.phase = .waiting
        attachedThreads.append(thread)
        if trace.isOn {
            trace.name(thread.number, thread.name)
            trace.record(.threadStarted, thread: thread.number, at: MonotonicClock.nanoseconds())
        }
        takeLocked(thread, priority: false)
        mutex.unlock()
    }

    /// A thread is done with Python code: it releases the GIL and leaves the
    /// interpreter; its statistics stay in `statistics().threads`.
    public func detach(_ thread: GILThread) {
        mutex.lock()
        let now = MonotonicClock.nanoseconds()
        releaseLocked(thread, forced: false, at: now)
        if trace.isOn { trace.record(.threadEnded, thread: thread.number, at: now) }
        thread.phase = .detached
        if let index = attachedThreads.firstIndex(where: { $0 === thread }) {
            attachedThreads.remove(at: index)
        }
        keepEndedThread(thread.statistics(alive: false))
        mutex.unlock()
    }

    // MARK: The eval breaker's slow path

    /// Called by the evaluation loop when `gilDropRequest` is raised on this
    /// thread's breaker: releases the GIL, waits until the requester has
    /// taken it, and queues for it again as an ordinary waiter (so a
    /// CPU-bound thread keeps the normal switch interval).
    public func yieldForDropRequest(_ thread: GILThread) {
        mutex.lock()
        precondition(holder === thread, "yieldForDropRequest by a thread that does not hold the GIL")
        guard requester != nil else {
            // Only requests made under the mutex count; a raised bit with no
            // requester cannot happen, but leaves nothing to do.
            thread.breaker.clear(.gilDropRequest)
            mutex.unlock()
            return
        }
        releaseLocked(thread, forced: true, at: MonotonicClock.nanoseconds())
        thread.phase = .waiting
        let releasedAt = switchNumber
        while switchNumber == releasedAt {
            gilSwitched.wait(mutex)
        }
        takeLocked(thread, priority: false)
        mutex.unlock()
    }

    // MARK: Taking and releasing

    /// Takes the GIL for `thread` (attached, not holding). For callers
    /// outside the usual paths, such as an embedding API that lends a
    /// thread to Python for one call; prefer `attach`, `blocking` and
    /// `yieldForDropRequest`.
    public func acquire(_ thread: GILThread) {
        mutex.lock()
        precondition(thread.isAttached, "acquire by a thread that is not attached")
        precondition(holder !== thread, "acquire by the thread that holds the GIL")
        thread.phase = .waiting
        takeLocked(thread, priority: false)
        mutex.unlock()
    }

    /// Releases the GIL held by `thread`; see `acquire`.
    public func release(_ thread: GILThread) {
        mutex.lock()
        releaseLocked(thread, forced: false, at: MonotonicClock.nanoseconds())
        thread.phase = .waiting
        mutex.unlock()
    }

    /// The heart of the protocol. `priority`: the thread returns from a
    /// blocking region and, with the convoy fix, asks for the GIL as soon as
    /// the holder has had its minimum hold instead of after an interval.
    func takeLocked(_ thread: GILThread, priority: Bool) {
        let began = MonotonicClock.nanoseconds()
        if mustWait(thread) {
            waitingCount += 1
            if trace.isOn { trace.record(.waitBegan, thread: thread.number, at: began) }
            var wantsPriority = priority
            if wantsPriority { priorityWaitingCount += 1 }
            var seenSwitch = switchNumber
            var deadline = GIL.adding(interval.waitNanoseconds, to: began)
            while mustWait(thread) {
                let now = MonotonicClock.nanoseconds()
                var wakeAt = deadline
                // The convoy fix: ask at once, once the holder has had its
                // minimum hold. If another request is pending, that waiter
                // is served first and the new holder is asked after.
                if wantsPriority, let current = holder, requester == nil, finalizer == nil {
                    let due = GIL.adding(minimumHoldBeforeConvoyRequest, to: current.acquiredAt)
                    if now >= due {
                        requestDrop(from: current, by: thread, priority: true, at: now)
                        wantsPriority = false
                        priorityWaitingCount -= 1
                    } else {
                        wakeAt = min(wakeAt, due)
                    }
                }
                _ = gilReleased.wait(mutex, nanoseconds: wakeAt > now ? wakeAt - now : 0)
                guard mustWait(thread) else { break }
                let woke = MonotonicClock.nanoseconds()
                if switchNumber != seenSwitch {
                    // Someone else got a turn: the holder has not hogged the
                    // GIL, so a new interval begins (CPython's rule).
                    seenSwitch = switchNumber
                    deadline = GIL.adding(interval.waitNanoseconds, to: woke)
                } else if woke >= deadline {
                    if let current = holder, requester == nil, finalizer == nil {
                        requestDrop(from: current, by: thread, priority: false, at: woke)
                    }
                    deadline = GIL.adding(interval.waitNanoseconds, to: woke)
                }
            }
            if wantsPriority { priorityWaitingCount -= 1 }
            waitingCount -= 1
        }
        let now = MonotonicClock.nanoseconds()
        holder = thread
        thread.phase = .holding
        if requester === thread { requester = nil }
        if lastHolder != 0 && lastHolder != thread.number {
            if lastReleaseWasForced { forcedSwitches &+= 1 } else { voluntarySwitches &+= 1 }
        }
        lastHolder = thread.number
        switchNumber &+= 1
        let waited = elapsed(since: began, until: now)
        thread.counters.recordWait(waited)
        totals.recordWait(waited)
        waitHistogram.record(waited)
        thread.acquiredAt = now
        if trace.isOn { trace.record(.acquired, thread: thread.number, at: now) }
        gilSwitched.broadcast()
        // Threads back from blocking regions that could not ask while
        // another request was pending may ask the new holder now.
        if priorityWaitingCount > 0 { gilReleased.broadcast() }
    }

    @inline(__always)
    static func adding(_ nanoseconds: UInt64, to time: UInt64) -> UInt64 {
        let (sum, overflow) = time.addingReportingOverflow(nanoseconds)
        return overflow ? UInt64.max : sum
    }

    /// Whether `thread` must keep waiting: the GIL is held, or it is
    /// promised to the thread whose drop request is pending.
    @inline(__always)
    func mustWait(_ thread: GILThread) -> Bool {
        holder != nil || (requester != nil && requester !== thread) || (finalizer != nil && finalizer !== thread)
    }

    /// Asks `current` to drop the GIL on behalf of `waiter`.
    func requestDrop(from current: GILThread, by waiter: GILThread, priority: Bool, at now: UInt64) {
        requester = waiter
        current.breaker.raise(.gilDropRequest)
        waiter.counters.dropRequests &+= 1
        totals.dropRequests &+= 1
        if priority {
            waiter.counters.priorityDropRequests &+= 1
            totals.priorityDropRequests &+= 1
        }
        if trace.isOn {
            trace.record(.dropRequested, thread: waiter.number, at: now, other: current.number, priority: priority)
        }
    }

    func releaseLocked(_ thread: GILThread, forced: Bool, at now: UInt64) {
        precondition(holder === thread, "GIL released by a thread that does not hold it")
        // No request can be raised on this thread once it no longer holds
        // the GIL (requests are made under the mutex, to the holder), so
        // clearing here leaves no stale request behind.
        thread.breaker.clear(.gilDropRequest)
        let held = elapsed(since: thread.acquiredAt, until: now)
        thread.counters.releases &+= 1
        thread.counters.holdNanoseconds &+= held
        totals.releases &+= 1
        totals.holdNanoseconds &+= held
        if forced {
            thread.counters.forcedReleases &+= 1
            totals.forcedReleases &+= 1
        }
        holder = nil
        lastReleaseWasForced = forced
        if trace.isOn {
            if forced { trace.record(.forcedRelease, thread: thread.number, at: now) }
            trace.record(.released, thread: thread.number, at: now)
        }
        // With a pending request only the requester may take the GIL, so
        // every waiter is woken to make sure it is among them; threads back
        // from blocking regions are woken too, so they can compete for it.
        if requester != nil || priorityWaitingCount > 0 {
            gilReleased.broadcast()
        } else {
            gilReleased.signal()
        }
    }

    /// Nanoseconds from `start` (or from the statistics' epoch, if later) to
    /// `end`; never negative.
    @inline(__always)
    func elapsed(since start: UInt64, until end: UInt64) -> UInt64 {
        let from = max(start, epoch)
        return end > from ? end - from : 0
    }

    @inline(__always)
    func locked<T>(_ body: () -> T) -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return body()
    }
}
