/// Ticks for a time axis: a round step (1, 2 or 5 × a power of ten
/// nanoseconds) giving about `target` ticks over `duration`.
public struct TimeAxis: Sendable, Equatable {
    public var step: Int64
    public var ticks: [Int64]

    public init(duration: Int64, target: Int = 8) {
        let wanted = max(Double(duration) / Double(max(target, 1)), 1)
        var power: Int64 = 1
        while Double(power) * 10 <= wanted { power *= 10 }
        var chosen = power
        for factor: Int64 in [1, 2, 5, 10] where Double(power * factor) <= wanted * 1.5 {
            chosen = power * factor
        }
        step = chosen
        var list: [Int64] = []
        var tick: Int64 = 0
        while tick <= duration {
            list.append(tick)
            tick += chosen
        }
        ticks = list
    }

    /// A tick's label in the unit that suits the step.
    public func label(_ tick: Int64) -> String {
        if step >= 1_000_000_000 { return decimal(Double(tick) / 1e9) + " s" }
        if step >= 1_000_000 { return decimal(Double(tick) / 1e6) + " ms" }
        if step >= 1_000 { return decimal(Double(tick) / 1e3) + " µs" }
        return "\(tick) ns"
    }
}
