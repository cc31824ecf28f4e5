/// `str.split`, `str.rsplit` and `str.splitlines`. The pieces come back as
/// ranges of the input, in the order of Python's result list.
extension PyText {
    /// `str.split(sep=None, maxsplit=-1)`: `separator` nil splits at runs of
    /// whitespace and drops empty pieces; a negative `maxSplit` means no limit.
    public static func split(_ text: CodePoints, separator: CodePoints? = nil,
                             maxSplit: Int = -1) throws(TextError) -> [Range<Int>] {
        let limit = maxSplit < 0 ? Int.max : maxSplit
        guard let separator else { return splitWhitespace(text, limit: limit) }
        if separator.isEmpty { throw .valueError("empty separator") }
        var pieces: [Range<Int>] = []
        var pieceStart = 0
        FastSearch.forEachMatch(text, separator, start: 0, end: text.count, limit: limit) { found in
            pieces.append(pieceStart..<found)
            pieceStart = found + separator.count
        }
        pieces.append(pieceStart..<text.count)
        return pieces
    }

    /// `str.rsplit(sep=None, maxsplit=-1)`: as `split`, but the splits are
    /// made from the right when `maxSplit` limits them.
    public static func rsplit(_ text: CodePoints, separator: CodePoints? = nil,
                              maxSplit: Int = -1) throws(TextError) -> [Range<Int>] {
        let limit = maxSplit < 0 ? Int.max : maxSplit
        guard let separator else { return rsplitWhitespace(text, limit: limit) }
        if separator.isEmpty { throw .valueError("empty separator") }
        var pieces: [Range<Int>] = []
        var pieceEnd = text.count
        FastSearch.forEachMatchReversed(text, separator, limit: limit) { found in
            pieces.append((found + separator.count)..<pieceEnd)
            pieceEnd = found
        }
        pieces.append(0..<pieceEnd)
        pieces.reverse()
        return pieces
    }

    private static func splitWhitespace(_ text: CodePoints, limit: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        let count = text.count
        var index = 0
        var remaining = limit
        while remaining > 0 {
            while index < count && UnicodeDatabase.isSpace(text[index]) { index += 1 }
            if index == count { return pieces }
            let start = index
            index += 1
            while index < count && !UnicodeDatabase.isSpace(text[index]) { index += 1 }
            pieces.append(start..<index)
            remaining -= 1
        }
        while index < count && UnicodeDatabase.isSpace(text[index]) { index += 1 }
        if index < count { pieces.append(index..<count) }
        return pieces
    }

    private static func rsplitWhitespace(_ text: CodePoints, limit: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var index = text.count
        var remaining = limit
        while remaining > 0 {
            while index > 0 && UnicodeDatabase.isSpace(text[index - 1]) { index -= 1 }
            if index == 0 { break }
            let end = index
            index -= 1
            while index > 0 && !UnicodeDatabase.isSpace(text[index - 1]) { index -= 1 }
            pieces.append(index..<end)
            remaining -= 1
        }
        if remaining == 0 {
            while index > 0 && UnicodeDatabase.isSpace(text[index - 1]) { index -= 1 }
            if index > 0 { pieces.append(0..<index) }
        }
        pieces.reverse()
        return pieces
    }

    /// `str.splitlines(keepends=False)`: splits at `\n`, `\r`, `\r\n`, `\v`,
    /// `\f`, `\x1c`, `\x1d`, `\x1e`, `\x85`, U+2028 and U+2029.
    public static func splitlines(_ text: CodePoints, keepEnds: Bool = false) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        let count = text.count
        var index = 0
        while index < count {
            let start = index
            while index < count && !UnicodeDatabase.isLineBreak(text[index]) { index += 1 }
            var end = index
            if index < count {
                if text[index] == 0x0D && index + 1 < count && text[index + 1] == 0x0A {
                    index += 2
                } else {
                    index += 1
                }
                if keepEnds { end = index }
            }
            lines.append(start..<end)
        }
        return lines
    }

    /// `str.partition(sep)`: the text before the first separator, the
    /// separator and the text after it; when absent, the whole text then two
    /// empty ranges (at its end).
    public static func partition(_ text: CodePoints, _ separator: CodePoints) throws(TextError) -> PartitionResult {
        if separator.isEmpty { throw .valueError("empty separator") }
        let found = FastSearch.find(text, separator, start: 0, end: text.count)
        if found < 0 {
            return PartitionResult(before: 0..<text.count, separator: text.count..<text.count,
                                   after: text.count..<text.count, found: false)
        }
        let end = found + separator.count
        return PartitionResult(before: 0..<found, separator: found..<end, after: end..<text.count, found: true)
    }

    /// `str.rpartition(sep)`: split at the last separator; when absent, two
    /// empty ranges (at the start) then the whole text.
    public static func rpartition(_ text: CodePoints, _ separator: CodePoints) throws(TextError) -> PartitionResult {
        if separator.isEmpty { throw .valueError("empty separator") }
        let found = FastSearch.rfind(text, separator, start: 0, end: text.count)
        if found < 0 {
            return PartitionResult(before: 0..<0, separator: 0..<0, after: 0..<text.count, found: false)
        }
        let end = found + separator.count
        return PartitionResult(before: 0..<found, separator: found..<end, after: end..<text.count, found: true)
    }
}

/// The three parts of `str.partition`/`rpartition` as ranges of the input.
/// When the separator is absent (`found` false), CPython returns the
/// original object as the whole part.
public struct PartitionResult: Equatable, Sendable {
    public var before: Range<Int>
    public var separator: Range<Int>
    public var after: Range<Int>
    public var found: Bool
}
