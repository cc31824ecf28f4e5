import BigInt

// `+`, `-`, `*`, unary `-`, `abs` for Python ints.

extension PyInteger {
    // MARK: Two machine words (the evaluation loop's path)

    @inlinable @inline(__always)
    public static func add(_ a: Int, _ b: Int) -> PyInteger {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if _fastPath(!overflow) { return .small(sum) }
        return addOverflowing(a, b)
    }

    @inlinable @inline(__always)
    public static func subtract(_ a: Int, _ b: Int) -> PyInteger {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        if _fastPath(!overflow) { return .small(difference) }
        return subtractOverflowing(a, b)
    }

    @inlinable @inline(__always)
    public static func multiply(_ a: Int, _ b: Int) -> PyInteger {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if _fastPath(!overflow) { return .small(product) }
        return multiplyOverflowing(a, b)
    }

    @inlinable @inline(__always)
    public static func negate(_ a: Int) -> PyInteger {
        if _fastPath(a != .min) { return .small(-a) }
        return .big(-BigInt(a))
    }

    @inlinable @inline(__always)
    public static func absolute(_ a: Int) -> PyInteger {
        if _fastPath(a != .min) { return .small(a < 0 ? -a : a) }
        return .big(-BigInt(a))
    }

    // The overflowing cases: the exact result lies outside Int's range, so it
    // is `.big` without normalising.
    @usableFromInline @inline(never)
    static func addOverflowing(_ a: Int, _ b: Int) -> PyInteger { .big(BigInt(a) + BigInt(b)) }

    @usableFromInline @inline(never)
    static func subtractOverflowing(_ a: Int, _ b: Int) -> PyInteger { .big(BigInt(a) - BigInt(b)) }

    @usableFromInline @inline(never)
    static func multiplyOverflowing(_ a: Int, _ b: Int) -> PyInteger {
        let (high, low) = a.multipliedFullWidth(by: b)
        return .big(BigInt(high) << 64 + BigInt(low))
    }

    // MARK: General operands

    public static func add(_ a: PyInteger, _ b: PyInteger) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b { return add(x, y) }
        return PyInteger(a.bigValue + b.bigValue)
    }

    public static func subtract(_ a: PyInteger, _ b: PyInteger) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b { return subtract(x, y) }
        return PyInteger(a.bigValue - b.bigValue)
    }

    public static func multiply(_ a: PyInteger, _ b: PyInteger) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b { return multiply(x, y) }
        if a.isZero || b.isZero { return 0 }
        return PyInteger(negative: a.isNegative != b.isNegative,
                         magnitude: WordMultiplication.multiply(a.magnitude, b.magnitude))
    }

    public static func negate(_ a: PyInteger) -> PyInteger {
        switch a {
        case .small(let x): return negate(x)
        case .big(let x): return PyInteger(-x)
        }
    }

    public static func absolute(_ a: PyInteger) -> PyInteger {
        switch a {
        case .small(let x): return absolute(x)
        case .big(let x): return x.sign == .minus ? PyInteger(-x) : a
        }
    }

    public static func + (a: PyInteger, b: PyInteger) -> PyInteger { add(a, b) }
    public static func - (a: PyInteger, b: PyInteger) -> PyInteger { subtract(a, b) }
    public static func * (a: PyInteger, b: PyInteger) -> PyInteger { multiply(a, b) }
    public static prefix func - (a: PyInteger) -> PyInteger { negate(a) }
}
