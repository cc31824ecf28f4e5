/// The per-interpreter trace buffer. It is written only inside the GIL's
/// mutex, so it needs no lock of its own; when tracing is off, recording is
/// one test of `isOn`.
struct GILTraceRecorder {
    private(set) var isOn = false
    private var storage: UnsafeMutablePointer<GILTraceEvent>?
    private var capacity = 0
    private var count = 0
    private var dropped: UInt64 = 0
    private var origin: UInt64 = 0
    private var names: [UInt32: String] = [:]

    mutating func start(capacity: Int, at now: UInt64) {
        stop()
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
        count = 0
        dropped = 0
        origin = now
        names = [:]
        isOn = true
    }

    mutating func stop() {
        storage?.deallocate()
        storage = nil
        isOn = false
        capacity = 0
        count = 0
    }

    mutating func name(_ thread: UInt32, _ name: String) {
        if isOn { names[thread] = name }
    }

    @inline(__always)
    mutating func record(_ kind: GILTraceEvent.Kind, thread: UInt32, at now: UInt64,
                         reason: BlockingReason? = nil, other: UInt32 = 0, priority: Bool = false) {
        guard count < capacity, let storage else {
            dropped &+= 1
            return
        }
        let since = now >= origin ? now - origin : 0
        (storage + count).initialize(to: GILTraceEvent(nanoseconds: since, thread: thread, kind: kind,
                                                       reason: reason, other: other, priority: priority))
        count += 1
    }

    func snapshot(at now: UInt64) -> GILTrace {
        let events = storage.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        let duration = max(now >= origin ? now - origin : 0, events.last?.nanoseconds ?? 0)
        return GILTrace(events: events, threadNames: names, droppedEvents: dropped, durationNanoseconds: duration)
    }
}
