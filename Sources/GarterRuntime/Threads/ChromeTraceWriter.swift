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
                writer.instant("thread started", event)
            case .threadEnded:
                if let current = open[event.thread] {
                    writer.span("E", name: current.name, category: current.category, event.thread, event.nanoseconds)
                    open[event.thread] = nil
                }
                writer.instant("thread ended", event)
            case .waitBegan:
                begin("waits for GIL", "gil", event)
            case .acquired:
                begin("holds GIL", "gil", event)
            case .released:
                end("holds GIL", "gil", event)
                if forcedOff.remove(event.thread) != nil { begin("waits for GIL", "gil", event) }
            case .dropRequested:
                writer.instant(event.priority ? "drop request (convoy fix)" : "drop request", event,
                               holder: event.other)
            case .forcedRelease:
                writer.instant("forced release", event)
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

    /// Builds the JSON as UTF-8 bytes: a trace has up to a million events
    /// and only a handful of distinct names, so names are quoted once and
    /// numbers are written digit by digit, without intermediate strings.
    private struct Writer {
        var bytes: [UInt8] = Array("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n".utf8)
        var first = true
        var quotedNames: [String: [UInt8]] = [:]

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func append(_ number: UInt64) {
            if number >= 10 { append(number / 10) }
            bytes.append(UInt8(ascii: "0") + UInt8(number % 10))
        }

        mutating func append(quoted value: String) {
            if let cached = quotedNames[value] {
                bytes.append(contentsOf: cached)
                return
            }
            let text = Array(Writer.quoted(value).utf8)
            quotedNames[value] = text
            bytes.append(contentsOf: text)
        }

        mutating func beginObject() {
            append(first ? "{" : ",\n{")
            first = false
        }

        mutating func metadata(name: String, thread: UInt32?, value: String) {
            beginObject()
            append("\"name\":")
            append(quoted: name)
            append(",\"ph\":\"M\",\"pid\":1")
            if let thread {
                append(",\"tid\":")
                append(UInt64(thread))
            }
            append(",\"args\":{\"name\":")
            bytes.append(contentsOf: Array(Writer.quoted(value).utf8))
            append("}}")
        }

        mutating func span(_ phase: StaticString, name: String, category: String, _ thread: UInt32, _ nanoseconds: UInt64) {
            beginObject()
            append("\"name\":")
            append(quoted: name)
            append(",\"cat\":")
            append(quoted: category)
            append(",\"ph\":\"")
            append(phase)
            append("\",\"ts\":")
            append(microseconds: nanoseconds)
            append(",\"pid\":1,\"tid\":")
            append(UInt64(thread))
            append("}")
        }

        mutating func instant(_ name: String, _ event: GILTraceEvent, holder: UInt32? = nil) {
            beginObject()
            append("\"name\":")
            append(quoted: name)
            append(",\"cat\":\"gil\",\"ph\":\"i\",\"s\":\"t\",\"ts\":")
            append(microseconds: event.nanoseconds)
            append(",\"pid\":1,\"tid\":")
            append(UInt64(event.thread))
            append(",\"args\":{")
            if let holder {
                append("\"holder\":")
                append(UInt64(holder))
                append(event.priority ? ",\"priority\":true" : ",\"priority\":false")
            }
            append("}}")
        }

        mutating func finish(droppedEvents: UInt64, durationNanoseconds: UInt64) -> String {
            append("\n],\"otherData\":{\"droppedEvents\":")
            append(droppedEvents)
            append(",\"durationNs\":")
            append(durationNanoseconds)
            append("}}\n")
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The format's timestamps are microseconds; three decimals keep
        /// the nanoseconds.
        mutating func append(microseconds nanoseconds: UInt64) {
            append(nanoseconds / 1000)
            let fraction = nanoseconds % 1000
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 100))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
        }

        static func quoted(_ value: String) -> String {
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
