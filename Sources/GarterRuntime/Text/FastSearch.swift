/// Substring search in linear time.
///
/// Short needles in short texts use a Horspool-style scan with a 64-bit
/// "bloom" mask of the needle's characters; it keeps count of its work and,
/// when the text is adversarial (many near-matches), hands the rest of the
/// text to the Crochemore–Perrin two-way algorithm, which is linear in the
/// worst case and needs no allocation proportional to the needle. The two-way
/// search is sped up by a 64-entry bad-character shift table on the last
/// character of each window. Reverse search (`rfind`) runs the same code over
/// reversed views of text and needle.
///
/// Everything is generic over the element type (`UInt32` for `str`; `UInt8`
/// can serve `bytes`) and over the direction, and specialised by the compiler.

/// Random access to a buffer, forward or reversed.
protocol SearchView {
    associatedtype Element: FixedWidthInteger
    var count: Int { get }
    subscript(_ index: Int) -> Element { get }
}

struct ForwardView<Element: FixedWidthInteger>: SearchView {
    let base: UnsafeBufferPointer<Element>
    @inline(__always) var count: Int { base.count }
    @inline(__always) subscript(_ index: Int) -> Element { base[index] }
}

/// `base` read from its end: index 0 is the last element.
struct ReversedView<Element: FixedWidthInteger>: SearchView {
    let base: UnsafeBufferPointer<Element>
    @inline(__always) var count: Int { base.count }
    @inline(__always) subscript(_ index: Int) -> Element { base[base.count - 1 - index] }
}

@inline(__always)
private func bloomBit<E: FixedWidthInteger>(_ value: E) -> UInt64 {
    1 &<< UInt64(truncatingIfNeeded: value & 63)
}

/// The two-way algorithm's preprocessing of a needle (of two elements or more).
struct TwoWaySearch<Needle: SearchView> {
    let needle: Needle
    /// Start of the right half of the critical factorization.
    let cut: Int
    /// The period used for shifts after a full match of the right half.
    let period: Int
    /// Whether the left half recurs one period later (the "memory" variant).
    let periodic: Bool
    /// How far a window may move when its last element hashes to the entry
    /// (0 when it might be the needle's last element).
    var shifts: [Int]

    init(_ needle: Needle) {
        self.needle = needle
        let count = needle.count
        let (suffix1, period1) = Self.maximalSuffix(needle, reversedOrder: false)
        let (suffix2, period2) = Self.maximalSuffix(needle, reversedOrder: true)
        let (start, localPeriod) = suffix1 >= suffix2 ? (suffix1, period1) : (suffix2, period2)
        cut = start + 1
        var recurs = cut + localPeriod <= count
        if recurs {
            for index in 0..<cut where needle[index] != needle[index + localPeriod] {
                recurs = false
                break
            }
        }
        periodic = recurs
        period = recurs ? localPeriod : max(cut, count - cut) + 1
        var shifts = [Int](repeating: count, count: 64)
        for index in 0..<(count - 1) {
            shifts[Int(truncatingIfNeeded: needle[index] & 63)] = count - 1 - index
        }
        shifts[Int(truncatingIfNeeded: needle[count - 1] & 63)] = 0
        self.shifts = shifts
    }

    /// The start (minus one) and period of the maximal suffix of `needle`
    /// for the element order, or for its reverse.
    private static func maximalSuffix(_ needle: Needle, reversedOrder: Bool) -> (Int, Int) {
        let count = needle.count
        var suffix = -1
        var candidate = 0
        var offset = 1
        var period = 1
        while candidate + offset < count {
            let a = needle[candidate + offset]
            let b = needle[suffix + offset]
            if reversedOrder ? a > b : a < b {
                candidate += offset
                offset = 1
                period = candidate - suffix
            } else if a == b {
                if offset != period {
                    offset += 1
                } else {
                    candidate += period
                    offset = 1
                }
            } else {
                suffix = candidate
                candidate = suffix + 1
                offset = 1
                period = 1
            }
        }
        return (suffix, period)
    }

    /// The first window start `>= start` where the needle occurs in
    /// `haystack[..<end]`, or -1.
    func search<Haystack: SearchView>(_ haystack: Haystack, from start: Int, end: Int) -> Int
    where Haystack.Element == Needle.Element {
        let count = needle.count
        var window = start
        var memory = 0
        let shifts = self.shifts
        while window + count <= end {
            let shift = shifts[Int(truncatingIfNeeded: haystack[window + count - 1] & 63)]
            if shift != 0 {
                // The right half would mismatch at or after max(cut, memory).
                window += memory > 0 ? max(shift, memory - cut + 1) : shift
                memory = 0
                continue
            }
            var index = max(cut, memory)
            while index < count && needle[index] == haystack[window + index] {
                index += 1
            }
            if index < count {
                window += index - cut + 1
                memory = 0
                continue
            }
            let low = periodic ? memory : 0
            index = cut - 1
            while index >= low && needle[index] == haystack[window + index] {
                index -= 1
            }
            if index < low {
                return window
            }
            window += period
            memory = periodic ? count - period : 0
        }
        return -1
    }
}

/// Finds a needle repeatedly in one haystack (for `count`, `replace`,
/// `split`), choosing the algorithm by size and falling back to two-way when
/// the quick scan does too much work.
struct SubstringSearcher<View: SearchView> {
    let needle: View
    private let bloom: UInt64
    /// Shift after a mismatch when the window's last element equals the needle's.
    private let lastSkip: Int
    private var twoWay: TwoWaySearch<View>?

    init(_ needle: View) {
        precondition(needle.count >= 2)
        self.needle = needle
        let last = needle.count - 1
        var bloom: UInt64 = 0
        var skip = last + 1
        for index in 0..<last {
            bloom |= bloomBit(needle[index])
            if needle[index] == needle[last] {
                skip = last - index
            }
        }
        self.bloom = bloom | bloomBit(needle[last])
        lastSkip = skip
    }

    /// The first occurrence starting at or after `start` and ending at or
    /// before `end`, or -1.
    mutating func find<Haystack: SearchView>(in haystack: Haystack, from start: Int, end: Int) -> Int
    where Haystack.Element == View.Element {
        let count = needle.count
        if let twoWay {
            return twoWay.search(haystack, from: start, end: end)
        }
        if end - start >= 4096 && count >= 64 {
            let search = TwoWaySearch(needle)
            twoWay = search
            return search.search(haystack, from: start, end: end)
        }
        let last = count - 1
        let lastElement = needle[last]
        var window = start
        var work = 0
        while window + count <= end {
            if haystack[window + last] == lastElement {
                var index = 0
                while index < last && haystack[window + index] == needle[index] {
                    index += 1
                }
                if index == last {
                    return window
                }
                work += index + 1
                if work > 4 * (window - start) + 2048 {
                    let search = TwoWaySearch(needle)
                    twoWay = search
                    return search.search(haystack, from: window, end: end)
                }
                if window + count < end && bloom & bloomBit(haystack[window + count]) == 0 {
                    window += count + 1
                } else {
                    window += lastSkip
                }
            } else if window + count < end && bloom & bloomBit(haystack[window + count]) == 0 {
                window += count + 1
            } else {
                window += 1
            }
        }
        return -1
    }
}

/// Entry points over buffers, in the three directions the string methods need.
enum FastSearch {
    /// Index of the first `needle` in `haystack[start..<end]`, or -1.
    static func find<E: FixedWidthInteger>(_ haystack: UnsafeBufferPointer<E>, _ needle: UnsafeBufferPointer<E>,
                                           start: Int, end: Int) -> Int {
        let count = needle.count
        if count == 0 { return start <= end ? start : -1 }
        if end - start < count { return -1 }
        if count == 1 {
            let element = needle[0]
            var index = start
            while index < end {
                if haystack[index] == element { return index }
                index += 1
            }
            return -1
        }
        var searcher = SubstringSearcher(ForwardView(base: needle))
        return searcher.find(in: ForwardView(base: haystack), from: start, end: end)
    }

    /// Index of the last `needle` in `haystack[start..<end]`, or -1.
    static func rfind<E: FixedWidthInteger>(_ haystack: UnsafeBufferPointer<E>, _ needle: UnsafeBufferPointer<E>,
                                            start: Int, end: Int) -> Int {
        let count = needle.count
        if count == 0 { return start <= end ? end : -1 }
        if end - start < count { return -1 }
        if count == 1 {
            let element = needle[0]
            var index = end - 1
            while index >= start {
                if haystack[index] == element { return index }
                index -= 1
            }
            return -1
        }
        // In the reversed haystack the slice is [n - end, n - start).
        let total = haystack.count
        var searcher = SubstringSearcher(ReversedView(base: needle))
        let found = searcher.find(in: ReversedView(base: haystack), from: total - end, end: total - start)
        return found < 0 ? -1 : total - found - count
    }

    /// Non-overlapping occurrences of a non-empty `needle` in
    /// `haystack[start..<end]`, at most `limit`.
    static func count<E: FixedWidthInteger>(_ haystack: UnsafeBufferPointer<E>, _ needle: UnsafeBufferPointer<E>,
                                            start: Int, end: Int, limit: Int = Int.max) -> Int {
        var found = 0
        forEachMatch(haystack, needle, start: start, end: end, limit: limit) { _ in found += 1 }
        return found
    }

    /// Calls `body` with the start of each non-overlapping occurrence of a
    /// non-empty `needle`, left to right, at most `limit` times.
    static func forEachMatch<E: FixedWidthInteger>(_ haystack: UnsafeBufferPointer<E>, _ needle: UnsafeBufferPointer<E>,
                                                   start: Int, end: Int, limit: Int,
                                                   _ body: (Int) -> Void) {
        let count = needle.count
        precondition(count > 0)
        var remaining = limit
        guard remaining > 0, end - start >= count else { return }
        if count == 1 {
            let element = needle[0]
            var index = start
            while index < end {
                if haystack[index] == element {
                    body(index)
                    remaining -= 1
                    if remaining == 0 { return }
                }
                index += 1
            }
            return
        }
        var searcher = SubstringSearcher(ForwardView(base: needle))
        let view = ForwardView(base: haystack)
        var position = start
        while remaining > 0 {
            let found = searcher.find(in: view, from: position, end: end)
            if found < 0 { return }
            body(found)
            remaining -= 1
            position = found + count
        }
    }

    /// Calls `body` with the start of each non-overlapping occurrence of a
    /// non-empty `needle`, right to left (as `rsplit` finds them), at most
    /// `limit` times.
    static func forEachMatchReversed<E: FixedWidthInteger>(_ haystack: UnsafeBufferPointer<E>,
                                                           _ needle: UnsafeBufferPointer<E>,
                                                           limit: Int, _ body: (Int) -> Void) {
        let count = needle.count
        precondition(count > 0)
        var remaining = limit
        let total = haystack.count
        guard remaining > 0, total >= count else { return }
        if count == 1 {
            let element = needle[0]
            var index = total - 1
            while index >= 0 {
                if haystack[index] == element {
                    body(index)
                    remaining -= 1
                    if remaining == 0 { return }
                }
                index -= 1
            }
            return
        }
        var searcher = SubstringSearcher(ReversedView(base: needle))
        let view = ReversedView(base: haystack)
        var position = 0
        while remaining > 0 {
            let found = searcher.find(in: view, from: position, end: total)
            if found < 0 { return }
            body(total - found - count)
            remaining -= 1
            position = found + count
        }
    }
}
