/// A compiled pattern: the code list CPython's `re._compiler` produced,
/// validated once and kept in memory the matching loop reads without bounds
/// checks or reference counting. This is the engine half of `_sre.compile`;
/// the Pattern object wraps one and adds the pattern, flags and group names.
///
/// Immutable after creation, so one program may serve any number of matches
/// on any number of threads at once.
public final class RegexProgram: @unchecked Sendable {
    /// The code words followed by `padding` FAILURE words.
    let words: UnsafeMutablePointer<UInt32>
    /// The number of code words (without the padding).
    public let codeCount: Int
    /// The number of capturing groups (the `groups` argument of `_sre.compile`,
    /// which CPython's compiler passes as its group count minus one).
    public let groupCount: Int
    /// Extra FAILURE words after the code: a safety margin for the peeks the
    /// engine makes at the instruction after a block.
    static let padding = 4

    /// Validates `code` (see `RegexValidator`) and keeps a copy of it.
    public init(code: [UInt32], groupCount: Int) throws(RegexError) {
        guard groupCount >= 0 && groupCount <= RegexConstants.maxGroups else {
            throw .invalidCode("group count out of range")
        }
        try RegexValidator.validate(code, groupCount: groupCount)
        codeCount = code.count
        self.groupCount = groupCount
        words = .allocate(capacity: code.count + Self.padding)
        code.withUnsafeBufferPointer { source in
            words.initialize(from: source.baseAddress!, count: source.count)
        }
        (words + code.count).initialize(repeating: SREOp.failure, count: Self.padding)
    }

    deinit {
        words.deallocate()
    }

    /// The code list (for `copy`, pickling and debugging).
    public var code: [UInt32] {
        Array(UnsafeBufferPointer(start: words, count: codeCount))
    }
}
