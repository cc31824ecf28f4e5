import BigInt

/// `range(start, stop, step)`. The bounds are arbitrary Python ints
/// (`range(1 << 1000)` is valid); when every number of the range fits a
/// machine word, `small` carries them as words and the common operations
/// (iteration, `len`, indexing, `in`) never touch big-int arithmetic.
public final class PyRange: PyObject {
    public struct Words {
        public let start: Int
        public let stop: Int
        public let step: Int
        public let count: Int
    }

    public let start: BigInt
    public let stop: BigInt
    public let step: BigInt
    /// How many numbers the range has.
    public let length: BigInt
    public let small: Words?

    /// A range with word-sized bounds (`step` is not zero).
    public init(start: Int, stop: Int, step: Int, type: PyType) {
        self.start = BigInt(start)
        self.stop = BigInt(stop)
        self.step = BigInt(step)
        if let count = PyRange.wordCount(start: start, stop: stop, step: step) {
            length = BigInt(count)
            small = Words(start: start, stop: stop, step: step, count: count)
        } else {
            length = PyRange.count(start: BigInt(start), stop: BigInt(stop), step: BigInt(step))
            small = nil
        }
        super.init(type: type)
    }

    /// A range with any bounds (`step` is not zero).
    public init(start: BigInt, stop: BigInt, step: BigInt, type: PyType) {
        self.start = start
        self.stop = stop
        self.step = step
        length = PyRange.count(start: start, stop: stop, step: step)
        if let start = Int(exactly: start), let stop = Int(exactly: stop), let step = Int(exactly: step),
           let count = PyRange.wordCount(start: start, stop: stop, step: step) {
            small = Words(start: start, stop: stop, step: step, count: count)
        } else {
            small = nil
        }
        super.init(type: type)
    }

    /// The number at `index` (0 ≤ index < length).
    public func item(at index: BigInt) -> BigInt { start + index * step }

    static func count(start: BigInt, stop: BigInt, step: BigInt) -> BigInt {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    /// The count when it (and the arithmetic leading to it) fits a word.
    static func wordCount(start: Int, stop: Int, step: Int) -> Int? {
        if step > 0 {
            guard start < stop else { return 0 }
            let (span, overflow) = stop.subtractingReportingOverflow(start)
            return overflow ? nil : (span - 1) / step + 1
        }
        guard start > stop else { return 0 }
        let (span, overflow) = start.subtractingReportingOverflow(stop)
        guard !overflow, step != Int.min else { return nil }
        return (span - 1) / (-step) + 1
    }
}

/// The iterator of a word-sized range: the next value and how many are
/// left. The evaluation loop's FOR_ITER steps it inline.
public final class PyRangeIterator: PyObject {
    @exclusivity(unchecked)
    public var next: Int
    public let step: Int
    @exclusivity(unchecked)
    public var remaining: Int
    /// The first number and the count at the start (for `__reduce__`).
    public let start: Int
    public let count: Int

    public init(start: Int, step: Int, count: Int, type: PyType) {
        self.next = start
        self.step = step
        self.remaining = count
        self.start = start
        self.count = count
        super.init(type: type)
    }
}

/// The iterator of a range whose numbers do not all fit a word
/// (CPython's `longrange_iterator`).
public final class PyLongRangeIterator: PyObject {
    public let start: BigInt
    public let step: BigInt
    public let count: BigInt
    /// How many numbers were taken.
    public var taken: BigInt = 0

    public init(start: BigInt, step: BigInt, count: BigInt, type: PyType) {
        self.start = start
        self.step = step
        self.count = count
        super.init(type: type)
    }
}
