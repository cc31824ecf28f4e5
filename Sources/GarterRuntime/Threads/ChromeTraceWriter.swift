/// Writes a `GILTrace` in the Chrome Trace Event format (JSON), which
/// Perfetto (ui.perfetto.dev) and chrome://tracing open: one track per
/// thread, with "holds GIL", "waits for GIL" and "blocking: <reason>" spans,
/// and instants for drop requests, forced releases and thread start/end.
public enum ChromeTraceWriter {
    public static func json(_ trace: GILTrace, processName: String = "garter") -> String {
        var writer = Writer()
        writer.metadata(name: "process_name", thread: nil, value: processName)
        for (thread, name) in trace.threadNames.sorted(by: { $0.key < $1.key }) {
            writer.metadata(name: "thread_name", thread: thread, value: name)
        }
        // Spans on one track must nest; the GIL's spans follow each other,
        // so each track has at most one open span, closed before the next.
        var open: [UInt32: (name: String, category: String)] = [:]
        // Threads whose next release is forced: they wait from that moment
        // (for the hand-over, then for their own turn), though the GIL
        // records their `waitBegan` only when they queue again.
        var forcedOff: Set<UInt32> = []
        var last: UInt64 = 0
        func begin(_ name: String, _ category: String, _ event: GILTraceEvent) {
            // A thread forced off waits first for the hand-over, then for
            // its own turn: one "waits for GIL" span, not two.
            if open[event.thread]?.name == name { return }
            if let current = open[event.thread] {
                writer.span("E", name: current.name, category: current.category, event.thread, event.nanoseconds)
            }
            writer.span("B", name: name, category: category, event.thread, event.nanoseconds)
            open[event.thread] = (name, category)
        }
        func end(_ name: String, _ category: String, _ event: GILTraceEvent) {
            if let current = open[event.thread] {
                writer.span("E", name: current.name, category: current.category, event.thread, event.nanoseconds)
                open[event.thread] = nil
            } else {
                // Began before the trace did: show it from the start.
                writer.span("B", name: name, category: category, event.thread, 0)
                writer.span("E", name: name, category: category, event.thread, event.nanoseconds)
            }
        }
        for event in trace.events {
            last = max(last, event.nanoseconds)
            switch event.kind {
            case .threadStarted:
                writer.instant("thread started", event, arguments: "")
            case .threadEnded:
                if let current = open[event.thread] {
                    writer.span("E", name: current.name, category: current.category, event.thread, event.nanoseconds)
                    open[event.thread] = nil
                }
                writer.instant("thread ended", event, arguments: "")
            case .waitBegan:
                begin("waits for GIL", "gil", event)
            case .acquired:
                begin("holds GIL", "gil", event)
            case .released:
                end("holds GIL", "gil", event)
                if forcedOff.remove(event.thread) != nil { begin("waits for GIL", "gil", event) }
            case .dropRequested:
                writer.instant(event.priority ? "drop request (convoy fix)" : "drop request", event,
                               arguments: "\"holder\":\(event.other),\"priority\":\(event.priority)")
            case .forcedRelease:
                writer.instant("forced release", event, arguments: "")
                forcedOff.insert(event.thread)
            case .blockingBegan:
                begin("blocking: \(event.reason?.name ?? "?")", "blocking", event)
            case .blockingEnded:
                end("blocking: \(event.reason?.name ?? "?")", "blocking", event)
            }
        }
        // Spans still open when the trace stopped end there.
        let end = max(last, trace.durationNanoseconds)
        for (thread, current) in open.sorted(by: { $0.key < $1.key }) {
            writer.span("E", name: current.name, category: current.category, thread, end)
        }
        return writer.finish(droppedEvents: trace.droppedEvents, durationNanoseconds: end)
    }

    private struct Writer {
        var text = "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n"
        var first = true

        mutating func add(_ object: String) {
            if !first { text += ",\n" }
            first = false
            text += object
        }

        mutating func metadata(name: String, thread: UInt32?, value: String) {
            let tid = thread.map { ",\"tid\":\($0)" } ?? ""
            add("{\"name\":\"\(name)\",\"ph\":\"M\",\"pid\":1\(tid),\"args\":{\"name\":\(quoted(value))}}")
        }

        mutating func span(_ phase: String, name: String, category: String, _ thread: UInt32, _ nanoseconds: UInt64) {
            add("{\"name\":\(quoted(name)),\"cat\":\"\(category)\",\"ph\":\"\(phase)\","
                + "\"ts\":\(microseconds(nanoseconds)),\"pid\":1,\"tid\":\(thread)}")
        }

        mutating func instant(_ name: String, _ event: GILTraceEvent, arguments: String) {
            add("{\"name\":\(quoted(name)),\"cat\":\"gil\",\"ph\":\"i\",\"s\":\"t\","
                + "\"ts\":\(microseconds(event.nanoseconds)),\"pid\":1,\"tid\":\(event.thread),"
                + "\"args\":{\(arguments)}}")
        }

        func finish(droppedEvents: UInt64, durationNanoseconds: UInt64) -> String {
            text + "\n],\"otherData\":{\"droppedEvents\":\(droppedEvents),\"durationNs\":\(durationNanoseconds)}}\n"
        }

        /// The format's timestamps are microseconds; fractions keep the
        /// nanoseconds.
        func microseconds(_ nanoseconds: UInt64) -> String {
            let fraction = String(nanoseconds % 1000)
            return "\(nanoseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }

        func quoted(_ value: String) -> String {
            var result = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
    }
}
