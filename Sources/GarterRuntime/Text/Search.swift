/// `str.find`, `rfind`, `index`, `rindex`, `count`, `startswith`, `endswith`
/// and `in`, with the slice semantics of their `start`/`end` arguments.
extension PyText {
    /// Clamps optional slice bounds as CPython's ADJUST_INDICES does: negative
    /// values count from the end, then both are clamped to `0...length` (the
    /// start may stay above the end, which the callers treat as empty).
    @inline(__always)
    public static func adjustIndices(start: Int?, end: Int?, length: Int) -> (start: Int, end: Int) {
        var end = end ?? length
        if end > length {
            end = length
        } else if end < 0 {
            end += length
            if end < 0 { end = 0 }
        }
        var start = start ?? 0
        if start < 0 {
            start += length
            if start < 0 { start = 0 }
        }
        return (start, end)
    }

    /// `str.find(sub[, start[, end]])`: the lowest index of `sub`, or -1.
    public static func find(_ text: CodePoints, _ sub: CodePoints, start: Int? = nil, end: Int? = nil) -> Int {
        let (low, high) = adjustIndices(start: start, end: end, length: text.count)
        if high - low < sub.count { return -1 }
        return FastSearch.find(text, sub, start: low, end: high)
    }

    /// `str.rfind(sub[, start[, end]])`: the highest index of `sub`, or -1.
    public static func rfind(_ text: CodePoints, _ sub: CodePoints, start: Int? = nil, end: Int? = nil) -> Int {
        let (low, high) = adjustIndices(start: start, end: end, length: text.count)
        if high - low < sub.count { return -1 }
        return FastSearch.rfind(text, sub, start: low, end: high)
    }

    /// `str.index`: `find`, raising ValueError when `sub` is absent.
    public static func index(_ text: CodePoints, _ sub: CodePoints,
                             start: Int? = nil, end: Int? = nil) throws(TextError) -> Int {
        let found = find(text, sub, start: start, end: end)
        if found < 0 { throw .valueError("substring not found") }
        return found
    }

    /// `str.rindex`: `rfind`, raising ValueError when `sub` is absent.
    public static func rindex(_ text: CodePoints, _ sub: CodePoints,
                              start: Int? = nil, end: Int? = nil) throws(TextError) -> Int {
        let found = rfind(text, sub, start: start, end: end)
        if found < 0 { throw .valueError("substring not found") }
        return found
    }

    /// `str.count(sub[, start[, end]])`: non-overlapping occurrences; the
    /// empty string occurs once more than the slice has characters.
    public static func count(_ text: CodePoints, _ sub: CodePoints, start: Int? = nil, end: Int? = nil) -> Int {
        let (low, high) = adjustIndices(start: start, end: end, length: text.count)
        if high - low < sub.count { return 0 }
        if sub.isEmpty { return high - low + 1 }
        return FastSearch.count(text, sub, start: low, end: high)
    }

    /// `sub in text`.
    public static func contains(_ text: CodePoints, _ sub: CodePoints) -> Bool {
        FastSearch.find(text, sub, start: 0, end: text.count) >= 0
    }

    /// `str.startswith(prefix[, start[, end]])` for one prefix (the caller
    /// loops over a tuple).
    public static func startsWith(_ text: CodePoints, _ prefix: CodePoints,
                                  start: Int? = nil, end: Int? = nil) -> Bool {
        tailMatch(text, prefix, start: start, end: end, atEnd: false)
    }

    /// `str.endswith(suffix[, start[, end]])` for one suffix.
    public static func endsWith(_ text: CodePoints, _ suffix: CodePoints,
                                start: Int? = nil, end: Int? = nil) -> Bool {
        tailMatch(text, suffix, start: start, end: end, atEnd: true)
    }

    private static func tailMatch(_ text: CodePoints, _ part: CodePoints, start: Int?, end: Int?,
                                  atEnd: Bool) -> Bool {
        var (low, high) = adjustIndices(start: start, end: end, length: text.count)
        high -= part.count
        if high < low { return false }
        if part.isEmpty { return true }
        let offset = atEnd ? high : low
        return equal(text, from: offset, part)
    }

    /// Whether `text[offset..<offset + part.count]` equals `part`.
    @inline(__always)
    static func equal(_ text: CodePoints, from offset: Int, _ part: CodePoints) -> Bool {
        for index in 0..<part.count where text[offset + index] != part[index] {
            return false
        }
        return true
    }
}
