import BigInt

// Shifts, `& | ^ ~` with two's complement semantics on values of any size,
// `bit_length` and `bit_count`.

extension PyInteger {
    static let negativeShiftCount = NumberError.valueError("negative shift count")

    // MARK: Two machine words

    @inlinable @inline(__always)
    public static func and(_ a: Int, _ b: Int) -> PyInteger { .small(a & b) }

    @inlinable @inline(__always)
    public static func or(_ a: Int, _ b: Int) -> PyInteger { .small(a | b) }

    @inlinable @inline(__always)
    public static func xor(_ a: Int, _ b: Int) -> PyInteger { .small(a ^ b) }

    @inlinable @inline(__always)
    public static func invert(_ a: Int) -> PyInteger { .small(~a) }

    @inlinable
    public static func shiftLeft(_ a: Int, _ count: Int) throws(NumberError) -> PyInteger {
        if _slowPath(count < 0) { throw negativeShiftCountError() }
        if count < 64 {
            let shifted = a << count
            if shifted >> count == a { return .small(shifted) }
        }
        return try shiftLeft(.small(a), .small(count))
    }

    @inlinable
    public static func shiftRight(_ a: Int, _ count: Int) throws(NumberError) -> PyInteger {
        if _slowPath(count < 0) { throw negativeShiftCountError() }
        // Swift's `>>` on Int is arithmetic and saturates at the word size.
        return .small(a >> count)
    }

    @usableFromInline @inline(never)
    static func negativeShiftCountError() -> NumberError { negativeShiftCount }

    // MARK: General operands

    public static func shiftLeft(_ a: PyInteger, _ count: PyInteger) throws(NumberError) -> PyInteger {
        if count.isNegative { throw negativeShiftCount }
        if a.isZero { return 0 }
        guard case .small(let shift) = count,
              shift <= NumberLimits.maxIntegerBits - a.magnitude.bitWidth else {
            throw NumberError.memoryError
        }
        if case .small(let x) = a, shift < 64 {
            let shifted = x << shift
            if shifted >> shift == x { return .small(shifted) }
        }
        return PyInteger(negative: a.isNegative, magnitude: a.magnitude << shift)
    }

    /// Floor shift: `a >> n` is `a // 2**n`.
    public static func shiftRight(_ a: PyInteger, _ count: PyInteger) throws(NumberError) -> PyInteger {
        if count.isNegative { throw negativeShiftCount }
        guard case .small(let shift) = count else { return a.isNegative ? -1 : 0 }
        switch a {
        case .small(let x): return .small(x >> shift)
        case .big(let x):
            if x.sign == .plus { return PyInteger(negative: false, magnitude: x.magnitude >> shift) }
            // -((|x| - 1) >> n) - 1 rounds toward negative infinity.
            let shifted = (x.magnitude - 1) >> shift
            return PyInteger(negative: true, magnitude: shifted + 1)
        }
    }

    public static func and(_ a: PyInteger, _ b: PyInteger) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b { return .small(x & y) }
        return bitwise(a, b, &)
    }

    public static func or(_ a: PyInteger, _ b: PyInteger) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b { return .small(x | y) }
        return bitwise(a, b, |)
    }

    public static func xor(_ a: PyInteger, _ b: PyInteger) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b { return .small(x ^ y) }
        return bitwise(a, b, ^)
    }

    /// `~a`, which is `-(a + 1)`.
    public static func invert(_ a: PyInteger) -> PyInteger {
        switch a {
        case .small(let x): return .small(~x)
        case .big(let x): return PyInteger(-(x + 1))
        }
    }

    /// Applies a word operation to the infinite two's complement forms of
    /// `a` and `b` (their words, then the sign words repeated).
    static func bitwise(_ a: PyInteger, _ b: PyInteger, _ operation: (UInt, UInt) -> UInt) -> PyInteger {
        let left = twosComplementWords(a)
        let right = twosComplementWords(b)
        let count = max(left.words.count, right.words.count)
        var words = [UInt](repeating: 0, count: count)
        for index in 0..<count {
            let x = index < left.words.count ? left.words[index] : left.fill
            let y = index < right.words.count ? right.words[index] : right.fill
            words[index] = operation(x, y)
        }
        let fill = operation(left.fill, right.fill)
        if fill == 0 {
            return PyInteger(negative: false, magnitude: BigUInt(words: words))
        }
        // Negative: the magnitude is the two's complement of the words.
        var carry = true
        for index in 0..<count {
            let inverted = ~words[index]
            if carry {
                let (sum, overflow) = inverted.addingReportingOverflow(1)
                words[index] = sum
                carry = overflow
            } else {
                words[index] = inverted
            }
        }
        var magnitude = BigUInt(words: words)
        if carry { magnitude += BigUInt(1) << (count * UInt.bitWidth) }
        return PyInteger(negative: true, magnitude: magnitude)
    }

    /// The low words of the two's complement form and the word that repeats
    /// above them (0 or all ones).
    static func twosComplementWords(_ value: PyInteger) -> (words: [UInt], fill: UInt) {
        switch value {
        case .small(let x):
            return ([UInt(bitPattern: x)], x < 0 ? ~0 : 0)
        case .big(let x):
            let magnitudeWords = Array(x.magnitude.words)
            if x.sign == .plus { return (magnitudeWords, 0) }
            // -m is ~(m - 1).
            let decremented = Array((x.magnitude - 1).words)
            var words = [UInt](repeating: ~0, count: magnitudeWords.count)
            for index in 0..<decremented.count { words[index] = ~decremented[index] }
            return (words, ~0)
        }
    }

    /// `int.bit_length()`: bits of `abs(self)`.
    @inlinable
    public var bitLength: Int {
        switch self {
        case .small(let x): return UInt.bitWidth - x.magnitude.leadingZeroBitCount
        case .big(let x): return x.magnitude.bitWidth
        }
    }

    /// `int.bit_count()`: one bits of `abs(self)`.
    public var bitCount: Int {
        switch self {
        case .small(let x): return x.magnitude.nonzeroBitCount
        case .big(let x): return x.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount }
        }
    }

    public static func & (a: PyInteger, b: PyInteger) -> PyInteger { and(a, b) }
    public static func | (a: PyInteger, b: PyInteger) -> PyInteger { or(a, b) }
    public static func ^ (a: PyInteger, b: PyInteger) -> PyInteger { xor(a, b) }
    public static prefix func ~ (a: PyInteger) -> PyInteger { invert(a) }
}
