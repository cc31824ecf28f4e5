/// The numbers that answer "who had the GIL, and who waited how long":
/// computed from a `GILTimeline` (or a window of it).
public struct GILSummary: Sendable, Equatable {
    public struct ThreadSummary: Sendable, Equatable {
        public var thread: Int
        public var name: String
        /// Time holding the GIL.
        public var held: Int64 = 0
        /// Times it took the GIL (hold spans that begin in the timeline).
        public var acquisitions = 0
        /// Time waiting for the GIL, its number of waits and the longest.
        public var waited: Int64 = 0
        public var waits = 0
        public var longestWait: Int64 = 0
        /// Time blocked outside the GIL, in all and per reason.
        public var blocked: Int64 = 0
        public var blockedByReason: [String: Int64] = [:]
        /// The thread's part of all GIL holding (0...1).
        public var shareOfHeld: Double = 0
        /// Its holding as a part of the whole timeline (0...1).
        public var heldFraction: Double = 0
    }

    public var duration: Int64
    /// Time any thread held the GIL, and as a part of the timeline.
    public var held: Int64
    public var heldFraction: Double
    /// Hand-overs of the GIL to another thread than its last holder.
    public var switches: Int
    public var switchesPerSecond: Double
    public var forcedReleases: Int
    public var dropRequests: Int
    public var convoyFixRequests: Int
    /// Every wait for the GIL, shortest first.
    public var waitDurations: [Int64]
    public var waitP50: Int64?
    public var waitP90: Int64?
    public var waitP99: Int64?
    public var longestWait: Int64?
    public var longestWaitThread: String?
    public var threads: [ThreadSummary]
    public var droppedEvents: Int

    public init(_ timeline: GILTimeline) {
        duration = timeline.duration
        droppedEvents = timeline.droppedEvents
        var holds: [(start: Int64, thread: Int)] = []
        var waits: [Int64] = []
        var longest: (Int64, String)?
        var forced = 0, requests = 0, convoy = 0
        threads = []
        for lane in timeline.lanes {
            var entry = ThreadSummary(thread: lane.thread, name: lane.name)
            for span in lane.spans {
                switch span.state {
                case .holding:
                    entry.held += span.duration
                    entry.acquisitions += 1
                    holds.append((span.start, lane.thread))
                case .waiting:
                    entry.waited += span.duration
                    entry.waits += 1
                    entry.longestWait = max(entry.longestWait, span.duration)
                    waits.append(span.duration)
                    if longest == nil || span.duration > longest!.0 { longest = (span.duration, lane.name) }
                case .blocked(let reason):
                    entry.blocked += span.duration
                    entry.blockedByReason[reason, default: 0] += span.duration
                }
            }
            for instant in lane.instants {
                switch instant.kind {
                case .forcedRelease: forced += 1
                case .dropRequest: requests += 1
                case .convoyFixRequest: requests += 1; convoy += 1
                case .threadStarted, .threadEnded: break
                }
            }
            threads.append(entry)
        }
        held = threads.reduce(0) { $0 + $1.held }
        heldFraction = duration > 0 ? Double(held) / Double(duration) : 0
        for index in threads.indices {
            threads[index].shareOfHeld = held > 0 ? Double(threads[index].held) / Double(held) : 0
            threads[index].heldFraction = duration > 0 ? Double(threads[index].held) / Double(duration) : 0
        }
        // Only one thread holds the GIL at a time, so the hold spans of all
        // threads, in time order, are the succession of holders.
        holds.sort { $0.start < $1.start }
        var switchCount = 0
        for index in holds.indices.dropFirst() where holds[index].thread != holds[index - 1].thread {
            switchCount += 1
        }
        switches = switchCount
        switchesPerSecond = duration > 0 ? Double(switchCount) / (Double(duration) / 1e9) : 0
        forcedReleases = forced
        dropRequests = requests
        convoyFixRequests = convoy
        waits.sort()
        waitDurations = waits
        waitP50 = nearestRankPercentile(waits, 50)
        waitP90 = nearestRankPercentile(waits, 90)
        waitP99 = nearestRankPercentile(waits, 99)
        longestWait = longest?.0
        longestWaitThread = longest?.1
    }
}
