/// Reads the Chrome Trace Event JSON written by Garter's
/// `ChromeTraceWriter` (B/E spans "holds GIL", "waits for GIL",
/// "blocking: <reason>"; instants; "thread_name" metadata) into a
/// `GILTimeline`. Spans of other names are ignored, so a file that a tool
/// has added to still reads.
public enum ChromeTraceReader {
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Reads the trace from its JSON text (UTF-8 bytes).
    public static func read(_ bytes: [UInt8]) throws(ReadError) -> GILTimeline {
        let root: JSONValue
        do throws(JSONParser.SyntaxError) {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ReadError(description: "not JSON: \(error.description)")
        }
        // The format allows a bare array of events as well as the object.
        let events: [JSONValue]
        var otherData = JSONValue.object([])
        if root.isObject {
            guard let list = root["traceEvents"]?.arrayValue, list.allSatisfy(\.isObject) else {
                throw ReadError(description: "no \"traceEvents\" list")
            }
            events = list
            if let other = root["otherData"], other.isObject { otherData = other }
        } else if let list = root.arrayValue, list.allSatisfy(\.isObject) {
            events = list
        } else {
            throw ReadError(description: "neither a trace object nor a list of events")
        }

        var names: [Int: String] = [:]
        var lanes: [Int: GILTimeline.Lane] = [:]
        var open: [Int: [(name: String, start: Int64)]] = [:]
        var last: Int64 = 0
        func lane(_ thread: Int) -> GILTimeline.Lane {
            lanes[thread] ?? GILTimeline.Lane(thread: thread, name: "")
        }
        for event in events {
            guard let phase = event["ph"]?.stringValue else { continue }
            let thread = event["tid"]?.int64Value.map { Int(truncatingIfNeeded: $0) } ?? 0
            let name = event["name"]?.stringValue ?? ""
            if phase == "M" {
                if name == "thread_name", let value = event["args"]?["name"]?.stringValue {
                    names[thread] = value
                }
                continue
            }
            guard let timestamp = event["ts"]?.doubleValue else { continue }
            // Microseconds with three decimals: back to whole nanoseconds.
            let time = Int64((timestamp * 1000).rounded())
            last = max(last, time)
            switch phase {
            case "B":
                open[thread, default: []].append((name, time))
            case "E":
                guard let begun = open[thread]?.popLast() else {
                    throw ReadError(description: "an end (E) without a begin on thread \(thread) at \(timestamp.rounded() == timestamp && abs(timestamp) < 1e15 ? String(Int64(timestamp)) : String(timestamp)) µs")
                }
                if let state = state(of: begun.name) {
                    var current = lane(thread)
                    current.spans.append(GILTimeline.Span(start: begun.start, end: time, state: state))
                    lanes[thread] = current
                }
            case "i", "I":
                if let kind = GILTimeline.InstantKind(rawValue: name) {
                    var current = lane(thread)
                    current.instants.append(GILTimeline.Instant(time: time, kind: kind))
                    lanes[thread] = current
                }
            default:
                continue
            }
        }
        if let stillOpen = open.first(where: { !$0.value.isEmpty }) {
            throw ReadError(description: "a span never ends on thread \(stillOpen.key): \(stillOpen.value.last!.name)")
        }
        for thread in names.keys where lanes[thread] == nil { lanes[thread] = lane(thread) }
        // Threads started through the same function share its name: the
        // thread's number tells their lanes apart.
        var uses: [String: Int] = [:]
        for thread in lanes.keys { uses[names[thread] ?? "", default: 0] += 1 }
        var result: [GILTimeline.Lane] = []
        for thread in lanes.keys.sorted() {
            var current = lanes[thread]!
            if let name = names[thread] {
                current.name = uses[name, default: 0] > 1 ? "\(name) #\(thread)" : name
            } else {
                current.name = "thread \(thread)"
            }
            current.spans.sort { $0.start < $1.start }
            current.instants.sort { $0.time < $1.time }
            result.append(current)
        }
        let recordedDuration = otherData["durationNs"]?.int64Value ?? 0
        let dropped = otherData["droppedEvents"]?.int64Value.map { Int(truncatingIfNeeded: $0) } ?? 0
        return GILTimeline(lanes: result, duration: max(recordedDuration, last), droppedEvents: dropped)
    }

    static func state(of spanName: String) -> GILTimeline.State? {
        switch spanName {
        case "holds GIL": return .holding
        case "waits for GIL": return .waiting
        default:
            let prefix = "blocking: "
            guard spanName.hasPrefix(prefix) else { return nil }
            return .blocked(String(spanName.dropFirst(prefix.count)))
        }
    }
}
