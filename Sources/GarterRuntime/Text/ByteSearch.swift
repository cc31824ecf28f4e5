#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over bytes for `bytes`/`bytearray` (`find`, `count`,
/// `in`, `split`), without widening to code points: `memchr` finds the
/// candidates for the first byte, `memcmp` checks them. Long needles go to
/// the linear-time two-way search of `FastSearch` (over widened copies), so
/// no input makes the search quadratic in a long needle.
extension ByteText {
    /// Needles longer than this use `FastSearch`.
    static let directSearchLimit = 32

    /// `find(sub, start, end)` with optional bounds.
    public static func find(_ text: Bytes, _ needle: Bytes, start: Int?, end: Int?) -> Int {
        let (low, high) = PyText.adjustIndices(start: start, end: end, length: text.count)
        if high - low < needle.count { return -1 }
        return find(text, needle, low, high)
    }

    /// `rfind(sub, start, end)` with optional bounds.
    public static func rfind(_ text: Bytes, _ needle: Bytes, start: Int?, end: Int?) -> Int {
        let (low, high) = PyText.adjustIndices(start: start, end: end, length: text.count)
        if high - low < needle.count { return -1 }
        if needle.isEmpty { return high }
        if needle.count > directSearchLimit {
            return widenedSearch(text, needle) { PyText.rfind($0, $1, start: low, end: high) }
        }
        var position = high - needle.count
        let first = needle[0]
        while position >= low {
            if text[position] == first && matches(text, at: position, needle) { return position }
            position -= 1
        }
        return -1
    }

    /// `count(sub, start, end)`: non-overlapping occurrences.
    public static func count(_ text: Bytes, _ needle: Bytes, start: Int?, end: Int?) -> Int {
        let (low, high) = PyText.adjustIndices(start: start, end: end, length: text.count)
        if high - low < needle.count { return 0 }
        if needle.isEmpty { return high - low + 1 }
        var total = 0
        var position = low
        while true {
            let found = find(text, needle, position, high)
            if found < 0 { return total }
            total += 1
            position = found + needle.count
        }
    }

    /// `needle in text`.
    public static func contains(_ text: Bytes, _ needle: Bytes) -> Bool {
        needle.count <= text.count && find(text, needle, 0, text.count) >= 0
    }

    /// The pieces of `split(sep, maxsplit)` for a non-empty separator.
    public static func split(_ text: Bytes, _ separator: Bytes, limit: Int) -> [Range<Int>] {
        var remaining = limit < 0 ? Int.max : limit
        var pieces: [Range<Int>] = []
        var start = 0
        while remaining > 0 {
            let found = find(text, separator, start, text.count)
            if found < 0 { break }
            pieces.append(start..<found)
            start = found + separator.count
            remaining -= 1
        }
        pieces.append(start..<text.count)
        return pieces
    }

    /// The first match in `text[low..<high]` (bounds already adjusted).
    static func find(_ text: Bytes, _ needle: Bytes, _ low: Int, _ high: Int) -> Int {
        let length = needle.count
        if length == 0 { return low }
        if high - low < length { return -1 }
        if length > directSearchLimit {
            return widenedSearch(text, needle) { PyText.find($0, $1, start: low, end: high) }
        }
        let base = UnsafeRawPointer(text.baseAddress!)
        let first = Int32(needle[0])
        var position = low
        let lastStart = high - length
        while position <= lastStart {
            guard let hit = memchr(base + position, first, lastStart - position + 1) else { return -1 }
            let index = base.distance(to: UnsafeRawPointer(hit))
            if length == 1 || memcmp(base + index + 1, UnsafeRawPointer(needle.baseAddress!) + 1, length - 1) == 0 {
                return index
            }
            position = index + 1
        }
        return -1
    }

    @inline(__always)
    private static func matches(_ text: Bytes, at position: Int, _ needle: Bytes) -> Bool {
        memcmp(UnsafeRawPointer(text.baseAddress!) + position, UnsafeRawPointer(needle.baseAddress!), needle.count) == 0
    }

    private static func widenedSearch(_ text: Bytes, _ needle: Bytes, _ body: (CodePoints, CodePoints) -> Int) -> Int {
        let wideText = text.map(UInt32.init)
        let wideNeedle = needle.map(UInt32.init)
        return wideText.withUnsafeBufferPointer { textBuffer in
            wideNeedle.withUnsafeBufferPointer { body(textBuffer, $0) }
        }
    }
}
