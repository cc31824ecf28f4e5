/// The summary as a plain-text table (what `garter --gil-report` prints,
/// and the table under the picture).
public enum GILSummaryText {
    /// The summary's lines, without trailing newlines.
    public static func lines(_ summary: GILSummary) -> [String] {
        var lines: [String] = []
        let threadWord = summary.threads.count == 1 ? "thread" : "threads"
        lines.append("GIL timeline over \(durationText(summary.duration)), \(summary.threads.count) \(threadWord)")
        lines.append("  GIL held        \(percent(summary.heldFraction)) of the time (\(durationText(summary.held)))")
        lines.append("  switches        \(summary.switches), \(fixed(summary.switchesPerSecond, 1)) per second;"
                     + " forced releases \(summary.forcedReleases); drop requests \(summary.dropRequests)"
                     + " (convoy fix \(summary.convoyFixRequests))")
        if let p50 = summary.waitP50, let p90 = summary.waitP90, let p99 = summary.waitP99,
           let longest = summary.longestWait {
            lines.append("  waits for GIL   \(summary.waitDurations.count): p50 \(durationText(p50)),"
                         + " p90 \(durationText(p90)), p99 \(durationText(p99)),"
                         + " longest \(durationText(longest)) (\(summary.longestWaitThread ?? "?"))")
        } else {
            lines.append("  waits for GIL   none")
        }
        if summary.droppedEvents > 0 {
            lines.append("  (the trace's buffer was full: \(summary.droppedEvents) events were not recorded)")
        }
        let nameWidth = max(12, summary.threads.map { $0.name.count }.max() ?? 0)
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let gap = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + gap : gap + text
        }
        lines.append("  " + pad("thread", nameWidth, left: true) + pad("held", 11) + pad("share", 8)
                     + pad("waited", 11) + pad("waits", 7) + pad("longest", 11) + pad("blocked", 11) + "  blocked in")
        for entry in summary.threads {
            let reasons = entry.blockedByReason.sorted { $0.value > $1.value }
                .map { "\($0.key) \(durationText($0.value))" }.joined(separator: ", ")
            lines.append("  " + pad(entry.name, nameWidth, left: true) + pad(durationText(entry.held), 11)
                         + pad(percent(entry.shareOfHeld), 8) + pad(durationText(entry.waited), 11)
                         + pad(String(entry.waits), 7) + pad(durationText(entry.longestWait), 11)
                         + pad(durationText(entry.blocked), 11) + (reasons.isEmpty ? "" : "  " + reasons))
        }
        lines.append("  (share: the thread's part of all the time the GIL was held)")
        return lines
    }

    public static func text(_ summary: GILSummary) -> String {
        lines(summary).joined(separator: "\n") + "\n"
    }
}
