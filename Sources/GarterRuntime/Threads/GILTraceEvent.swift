/// One thing the GIL did, as recorded while tracing is on (for the GIL
/// timeline). Plain data, 24 bytes, so recording is a store into a
/// preallocated buffer.
public struct GILTraceEvent: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case threadStarted
        case threadEnded
        /// The thread found the GIL taken and began to wait.
        case waitBegan
        case acquired
        case released
        /// The thread (waiting) asked `other` (the holder) to drop the GIL;
        /// `priority` when it was the convoy fix's immediate request.
        case dropRequested
        /// The holder released the GIL because of a drop request.
        case forcedRelease
        /// The thread left the GIL for a blocking region (`reason`).
        case blockingBegan
        /// The blocking call returned; the thread now wants the GIL back.
        case blockingEnded
    }

    /// Nanoseconds since tracing started (monotonic clock).
    public var nanoseconds: UInt64
    /// The thread's number (`GILStatistics.Thread.number`).
    public var thread: UInt32
    /// For `dropRequested`: the holder asked; otherwise 0.
    public var other: UInt32
    public var kind: Kind
    var reasonCode: UInt8
    public var priority: Bool

    public init(nanoseconds: UInt64, thread: UInt32, kind: Kind,
                reason: BlockingReason? = nil, other: UInt32 = 0, priority: Bool = false) {
        self.nanoseconds = nanoseconds
        self.thread = thread
        self.other = other
        self.kind = kind
        self.reasonCode = reason?.rawValue ?? UInt8.max
        self.priority = priority
    }

    /// For `blockingBegan` and `blockingEnded`.
    public var reason: BlockingReason? { BlockingReason(rawValue: reasonCode) }
}

/// The events recorded between `GIL.startTracing` and a snapshot, with the
/// names of the threads they mention.
public struct GILTrace: Sendable, Equatable {
    public var events: [GILTraceEvent]
    public var threadNames: [UInt32: String]
    /// Events lost because the buffer was full (recording stops at capacity
    /// rather than overwriting, so the recorded part stays consistent).
    public var droppedEvents: UInt64
    /// When the snapshot was taken, in nanoseconds since tracing started:
    /// the end of the spans still open then (a thread that holds the GIL
    /// to the end has no event that says so).
    public var durationNanoseconds: UInt64

    public init(events: [GILTraceEvent], threadNames: [UInt32: String], droppedEvents: UInt64,
                durationNanoseconds: UInt64? = nil) {
        self.events = events
        self.threadNames = threadNames
        self.droppedEvents = droppedEvents
        self.durationNanoseconds = durationNanoseconds ?? events.last?.nanoseconds ?? 0
    }
}
