/// What a GIL trace says, per thread: when it held the GIL, waited for it,
/// or was blocked in a named call, and the instants of drop requests and
/// forced releases. Read from the Chrome Trace Event JSON that
/// `-X giltrace=FILE` and `gil.stop_trace(path)` write (`ChromeTraceReader`),
/// so the report works on any such file, not only on a live interpreter.
public struct GILTimeline: Sendable, Equatable {
    /// What a thread was doing during a span.
    public enum State: Sendable, Hashable {
        case holding
        case waiting
        /// Outside the GIL in a blocking call; the reason's name ("sleep",
        /// "lock wait", "read", "native compute", ...).
        case blocked(String)
    }

    public struct Span: Sendable, Equatable {
        public var start: Int64
        public var end: Int64
        public var state: State
        public init(start: Int64, end: Int64, state: State) {
            self.start = start
            self.end = end
            self.state = state
        }
        public var duration: Int64 { end - start }
    }

    public enum InstantKind: String, Sendable, CaseIterable {
        case dropRequest = "drop request"
        case convoyFixRequest = "drop request (convoy fix)"
        case forcedRelease = "forced release"
        case threadStarted = "thread started"
        case threadEnded = "thread ended"
    }

    public struct Instant: Sendable, Equatable {
        public var time: Int64
        public var kind: InstantKind
        public init(time: Int64, kind: InstantKind) {
            self.time = time
            self.kind = kind
        }
    }

    /// One thread's lane: spans in time order, never overlapping.
    public struct Lane: Sendable, Equatable {
        public var thread: Int
        public var name: String
        public var spans: [Span]
        public var instants: [Instant]
        public init(thread: Int, name: String, spans: [Span] = [], instants: [Instant] = []) {
            self.thread = thread
            self.name = name
            self.spans = spans
            self.instants = instants
        }
    }

    /// Lanes in thread-number order. Times are nanoseconds since the trace began.
    public var lanes: [Lane]
    /// The end of the trace (when it was stopped, or the last event).
    public var duration: Int64
    /// Events the recorder could not keep (its buffer was full).
    public var droppedEvents: Int

    public init(lanes: [Lane], duration: Int64, droppedEvents: Int = 0) {
        self.lanes = lanes
        self.duration = duration
        self.droppedEvents = droppedEvents
    }

    /// The part of the timeline between `from` and `to` (nanoseconds),
    /// with times shifted so that `from` is 0 and spans cut at the edges.
    public func window(from: Int64, to: Int64) -> GILTimeline {
        let start = max(0, from), end = min(duration, max(to, start))
        var result = GILTimeline(lanes: [], duration: end - start, droppedEvents: droppedEvents)
        for lane in lanes {
            var cut = Lane(thread: lane.thread, name: lane.name)
            for span in lane.spans where span.end > start && span.start < end {
                cut.spans.append(Span(start: max(span.start, start) - start, end: min(span.end, end) - start,
                                      state: span.state))
            }
            for instant in lane.instants where instant.time >= start && instant.time <= end {
                cut.instants.append(Instant(time: instant.time - start, kind: instant.kind))
            }
            result.lanes.append(cut)
        }
        return result
    }
}
