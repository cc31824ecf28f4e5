/// The positions a Match object reports, copied out of a `RegexState`.
public struct RegexMatchSpans: Equatable, Sendable {
    /// Start and end of group g at 2g and 2g+1 (group 0 is the whole match);
    /// -1 for a group that did not take part.
    public var flat: [Int]
    /// Match.lastindex, -1 for None.
    public var lastIndex: Int

    public init(flat: [Int], lastIndex: Int) {
        self.flat = flat
        self.lastIndex = lastIndex
    }

    public var groupCount: Int { flat.count / 2 - 1 }

    /// The span of `group`, nil when it did not take part.
    public func span(_ group: Int) -> Range<Int>? {
        let start = flat[2 * group]
        return start < 0 ? nil : start..<flat[2 * group + 1]
    }
}
