/// The text that `-X gilstats` prints at exit (and `gil.stats()` could
/// print): totals, the wait-time histogram, blocking regions by reason and
/// one line per thread. Integer arithmetic only, so the same statistics
/// always give the same text.
public enum GILStatisticsReport {
    public static func text(_ statistics: GILStatistics) -> String {
        let totals = statistics.totals
        var lines: [String] = []
        lines.append("GIL statistics over \(duration(statistics.elapsedNanoseconds))"
                     + " (switch interval \(duration(statistics.switchInterval.microseconds &* 1000)),"
                     + " convoy fix \(statistics.convoyFixEnabled ? "on" : "off"))")
        lines.append("  acquisitions    \(totals.acquisitions) (releases \(totals.releases))")
        let switches = statistics.forcedSwitches &+ statistics.voluntarySwitches
        lines.append("  switches        \(switches) (forced \(statistics.forcedSwitches),"
                     + " voluntary \(statistics.voluntarySwitches)),"
                     + " \(rate(switches, over: statistics.elapsedNanoseconds)) per second")
        lines.append("  drop requests   \(totals.dropRequests) (at once after blocking: \(totals.priorityDropRequests));"
                     + " forced releases \(totals.forcedReleases)")
        lines.append("  held            \(duration(totals.holdNanoseconds))"
                     + " (\(percent(totals.holdNanoseconds, of: statistics.elapsedNanoseconds)) of the time)")
        lines.append("  waited          \(duration(totals.waitNanoseconds)) in all,"
                     + " longest \(duration(totals.longestWaitNanoseconds)),"
                     + " mean \(duration(totals.acquisitions == 0 ? 0 : totals.waitNanoseconds / totals.acquisitions))")
        lines.append("  blocking        \(totals.blockingRegions) regions, \(duration(totals.blockingNanoseconds))")

        let counts = statistics.waitHistogram.counts
        if let lastUsed = counts.lastIndex(where: { $0 != 0 }) {
            lines.append("  wait time per acquisition:")
            let widest = counts.max() ?? 1
            for index in 0...lastUsed {
                let label = bucketLabel(index)
                let bar = String(repeating: "#", count: Int((counts[index] * 40 + widest - 1) / widest))
                lines.append("    " + pad(label, 22) + leftPad(String(counts[index]), 10) + (bar.isEmpty ? "" : "  " + bar))
            }
        }

        let usedReasons = statistics.blocking.filter { $0.regions != 0 }
        if !usedReasons.isEmpty {
            lines.append("  blocking regions by reason:")
            for entry in usedReasons {
                lines.append("    " + pad(entry.reason.name, 16) + leftPad(String(entry.regions), 10)
                             + "  " + duration(entry.nanoseconds))
            }
        }

        if !statistics.threads.isEmpty {
            lines.append("  threads:")
            lines.append("    " + pad("#", 5) + pad("name", 22) + leftPad("acquired", 10) + leftPad("held", 12)
                         + leftPad("waited", 12) + leftPad("longest", 12) + leftPad("forced", 8)
                         + leftPad("requests", 10) + leftPad("blocking", 10))
            for thread in statistics.threads {
                let counters = thread.counters
                let mark = thread.number == statistics.holder ? "*" : (thread.isAlive ? "" : "†")
                lines.append("    " + pad(String(thread.number) + mark, 5) + pad(thread.name, 22)
                             + leftPad(String(counters.acquisitions), 10)
                             + leftPad(duration(counters.holdNanoseconds), 12)
                             + leftPad(duration(counters.waitNanoseconds), 12)
                             + leftPad(duration(counters.longestWaitNanoseconds), 12)
                             + leftPad(String(counters.forcedReleases), 8)
                             + leftPad(String(counters.dropRequests), 10)
                             + leftPad(String(counters.blockingRegions), 10))
            }
            lines.append("    (* holds the GIL now, † ended)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "812 ns", "3.25 µs", "5.01 ms", "2.500 s".
    public static func duration(_ nanoseconds: UInt64) -> String {
        switch nanoseconds {
        case ..<1000: "\(nanoseconds) ns"
        case ..<1_000_000: decimal(nanoseconds, unit: 1000, places: 2) + " µs"
        case ..<1_000_000_000: decimal(nanoseconds, unit: 1_000_000, places: 2) + " ms"
        default: decimal(nanoseconds, unit: 1_000_000_000, places: 3) + " s"
        }
    }

    static func bucketLabel(_ index: Int) -> String {
        let low = WaitTimeHistogram.lowerBound(of: index)
        guard let high = WaitTimeHistogram.upperBound(of: index) else { return "≥ " + duration(low) }
        return index == 0 ? "< " + duration(high) : duration(low) + " – " + duration(high)
    }

    /// `value / unit` rounded to `places` decimals, without floating point.
    static func decimal(_ value: UInt64, unit: UInt64, places: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let rounded = scaledQuotient(value, times: scale, dividedBy: unit)
        let fraction = String(rounded % scale)
        return "\(rounded / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// `value * factor / divisor`, rounded to nearest, computed in 128 bits
    /// (saturating at UInt64.max).
    static func scaledQuotient(_ value: UInt64, times factor: UInt64, dividedBy divisor: UInt64) -> UInt64 {
        guard divisor != 0 else { return 0 }
        let product = value.multipliedFullWidth(by: factor)
        guard product.high < divisor else { return UInt64.max }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        return remainder >= divisor - remainder ? quotient &+ 1 : quotient
    }

    static func percent(_ part: UInt64, of whole: UInt64) -> String {
        let permille = scaledQuotient(part, times: 1000, dividedBy: whole)
        return "\(permille / 10).\(permille % 10)%"
    }

    static func rate(_ count: UInt64, over nanoseconds: UInt64) -> String {
        let tenths = scaledQuotient(count, times: 10_000_000_000, dividedBy: nanoseconds)
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func leftPad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}
