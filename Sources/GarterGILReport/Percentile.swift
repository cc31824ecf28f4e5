/// The nearest-rank percentile: the smallest value such that at least `p`
/// percent of the values are at most it (no interpolation, so the answer is
/// always one of the measured values). `sorted` must be in ascending order.
public func nearestRankPercentile(_ sorted: [Int64], _ p: Double) -> Int64? {
    guard !sorted.isEmpty else { return nil }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
}
