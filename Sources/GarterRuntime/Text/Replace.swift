/// `str.replace` and `str.join`.
extension PyText {
    /// `str.replace(old, new, count=-1)`: a negative `count` replaces every
    /// occurrence; an empty `old` inserts `new` before each character and at
    /// the end. Returns nil when the result is the original text (nothing
    /// replaced, `count` zero, or `old` equal to `new`), where CPython returns
    /// the original object.
    public static func replace(_ text: CodePoints, _ old: CodePoints, _ new: CodePoints,
                               count: Int = -1) throws(TextError) -> [UInt32]? {
        let limit = count < 0 ? Int.max : count
        if limit == 0 { return nil }
        if old.isEmpty {
            if new.isEmpty { return nil }
            let insertions = min(limit, text.count + 1)
            let (grown, overflow) = new.count.multipliedReportingOverflow(by: insertions)
            if overflow { throw .overflowError("replace string is too long") }
            var result: [UInt32] = []
            result.reserveCapacity(try checkedLength(text.count, grown, overflow: "replace string is too long"))
            for index in 0..<insertions {
                result.append(contentsOf: new)
                if index < text.count { result.append(text[index]) }
            }
            if insertions < text.count {
                result.append(contentsOf: text[insertions...])
            }
            return result
        }
        if old.count == new.count && equal(old, from: 0, new) { return nil }
        var matches: [Int] = []
        FastSearch.forEachMatch(text, old, start: 0, end: text.count, limit: limit) { matches.append($0) }
        if matches.isEmpty { return nil }
        let (change, overflow) = (new.count - old.count).multipliedReportingOverflow(by: matches.count)
        if overflow { throw .overflowError("replace string is too long") }
        var result: [UInt32] = []
        result.reserveCapacity(try checkedLength(text.count, change, overflow: "replace string is too long"))
        var copied = 0
        for match in matches {
            result.append(contentsOf: text[copied..<match])
            result.append(contentsOf: new)
            copied = match + old.count
        }
        result.append(contentsOf: text[copied...])
        return result
    }

    /// `sep.join(pieces)` once the caller has checked that every item is a str.
    public static func join(_ separator: CodePoints, _ pieces: [[UInt32]]) throws(TextError) -> [UInt32] {
        guard !pieces.isEmpty else { return [] }
        var total = separator.count * (pieces.count - 1)
        for piece in pieces {
            total += piece.count
        }
        if total > maximumLength { throw .memoryError }
        var result: [UInt32] = []
        result.reserveCapacity(total)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { result.append(contentsOf: separator) }
            result.append(contentsOf: piece)
        }
        return result
    }
}
