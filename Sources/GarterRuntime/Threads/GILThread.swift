/// The GIL's view of one Python thread: its eval breaker and what the GIL
/// counts for it. A `ThreadState` owns exactly one, made when the OS thread
/// is created and attached with `GIL.attach(_:)` when it starts.
///
/// Everything but `breaker`, `name` and `ident` is guarded by the owning
/// GIL's mutex; the thread itself never touches those fields directly.
public final class GILThread: @unchecked Sendable {
    /// Where the GIL and other threads post requests to this thread. Owned:
    /// freed when this object is.
    public let breaker: EvalBreaker
    public let name: String
    /// The creator's identifier for the thread (e.g. `threading.get_ident()`),
    /// shown in statistics.
    public let ident: UInt64

    /// What the thread is doing as far as the GIL knows, so that a trace
    /// started in the middle of a run can begin with each thread's state.
    enum Phase: Sendable {
        case detached
        case waiting
        case holding
        case blocking(BlockingReason)
    }

    @exclusivity(unchecked) var number: UInt32 = 0
    @exclusivity(unchecked) var phase = Phase.detached
    @exclusivity(unchecked) var counters = GILCounters()
    /// When the current hold began (monotonic ns).
    @exclusivity(unchecked) var acquiredAt: UInt64 = 0
    /// When the current blocking region began (monotonic ns).
    @exclusivity(unchecked) var blockingSince: UInt64 = 0

    public init(name: String, ident: UInt64 = 0) {
        self.name = name
        self.ident = ident
        breaker = EvalBreaker.allocate()
    }

    deinit {
        if case .detached = phase {} else {
            preconditionFailure("GILThread '\(name)' freed while attached to a GIL")
        }
        breaker.deallocate()
    }

    var isAttached: Bool {
        if case .detached = phase { return false }
        return true
    }

    func statistics(alive: Bool) -> GILStatistics.Thread {
        GILStatistics.Thread(number: number, name: name, ident: ident, isAlive: alive, counters: counters)
    }
}
