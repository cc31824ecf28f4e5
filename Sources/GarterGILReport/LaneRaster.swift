/// One lane cut into pixel columns: each column shows the state that took
/// most of its time (left blank when the thread did not exist or was in no
/// recorded state for most of it). This keeps a picture of a million
/// events to at most one rectangle per column and lane, at the price of
/// hiding states shorter than a column: zoom in (a window) to see those.
struct LaneRaster {
    struct Run: Equatable {
        var firstColumn: Int
        var columns: Int
        var state: GILTimeline.State
    }

    var runs: [Run] = []
    /// Per instant kind, the columns where at least one happened.
    var instantColumns: [GILTimeline.InstantKind: [Int]] = [:]

    init(_ lane: GILTimeline.Lane, duration: Int64, columns: Int) {
        guard duration > 0, columns > 0 else { return }
        let scale = Double(columns) / Double(duration)
        var states: [GILTimeline.State] = []
        var indexOf: [GILTimeline.State: Int] = [:]
        for span in lane.spans where indexOf[span.state] == nil {
            indexOf[span.state] = states.count
            states.append(span.state)
        }
        guard !states.isEmpty || !lane.instants.isEmpty else { return }
        let stride = max(states.count, 1)
        var covered = [Double](repeating: 0, count: columns * stride)
        for span in lane.spans where span.end > span.start {
            let state = indexOf[span.state]!
            let left = Double(span.start) * scale, right = Double(span.end) * scale
            var column = max(0, Int(left))
            let last = min(columns - 1, Int(right.rounded(.up)) - 1)
            while column <= last {
                let overlap = min(right, Double(column + 1)) - max(left, Double(column))
                if overlap > 0 { covered[column * stride + state] += overlap }
                column += 1
            }
        }
        var current: Run?
        for column in 0..<columns {
            var best = -1
            var bestTime = 0.0, total = 0.0
            for state in 0..<states.count {
                let time = covered[column * stride + state]
                total += time
                if time > bestTime { bestTime = time; best = state }
            }
            let chosen: GILTimeline.State? = best >= 0 && bestTime >= 1 - total ? states[best] : nil
            if let run = current, let chosen, run.state == chosen, run.firstColumn + run.columns == column {
                current!.columns += 1
                continue
            }
            if let run = current { runs.append(run) }
            current = chosen.map { Run(firstColumn: column, columns: 1, state: $0) }
        }
        if let run = current { runs.append(run) }
        for instant in lane.instants {
            let column = min(columns - 1, max(0, Int(Double(instant.time) * scale)))
            if instantColumns[instant.kind]?.last != column { instantColumns[instant.kind, default: []].append(column) }
        }
    }
}
