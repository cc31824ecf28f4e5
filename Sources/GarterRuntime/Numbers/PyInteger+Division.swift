import BigInt

// `//`, `%`, `divmod` with Python's floor semantics (the remainder takes the
// divisor's sign) and `/` giving a correctly rounded float.

extension PyInteger {
    static let divisionByZero = NumberError.zeroDivisionError("integer division or modulo by zero")
    static let moduloByZero = NumberError.zeroDivisionError("integer modulo by zero")

    // MARK: Two machine words

    @inlinable
    public static func floorDivide(_ a: Int, _ b: Int) throws(NumberError) -> PyInteger {
        if _slowPath(b == 0) { throw divisionByZeroError() }
        if _slowPath(b == -1) { return negate(a) }
        let quotient = a / b
        let remainder = a - quotient &* b
        // Truncation rounded toward zero; floor needs one less when the exact
        // quotient was negative and not whole.
        return .small(remainder != 0 && (remainder ^ b) < 0 ? quotient - 1 : quotient)
    }

    @inlinable
    public static func modulo(_ a: Int, _ b: Int) throws(NumberError) -> PyInteger {
        if _slowPath(b == 0) { throw moduloByZeroError() }
        if _slowPath(b == -1) { return .small(0) }
        let remainder = a % b
        return .small(remainder != 0 && (remainder ^ b) < 0 ? remainder + b : remainder)
    }

    @inlinable
    public static func divmod(_ a: Int, _ b: Int) throws(NumberError) -> (quotient: PyInteger, remainder: PyInteger) {
        if _slowPath(b == 0) { throw divisionByZeroError() }
        if _slowPath(b == -1) { return (negate(a), .small(0)) }
        let quotient = a / b
        let remainder = a - quotient &* b
        if remainder != 0 && (remainder ^ b) < 0 {
            return (.small(quotient - 1), .small(remainder + b))
        }
        return (.small(quotient), .small(remainder))
    }

    /// `a / b` for two words: exact operands when both fit in 53 bits, so one
    /// IEEE division rounds correctly.
    @inlinable
    public static func trueDivide(_ a: Int, _ b: Int) throws(NumberError) -> Double {
        if _slowPath(b == 0) { throw trueDivisionByZeroError() }
        let limit = 1 << 53
        if _fastPath(a.magnitude <= UInt(limit) && b.magnitude <= UInt(limit)) {
            return Double(a) / Double(b)
        }
        return try trueDivide(.small(a), .small(b))
    }

    @usableFromInline @inline(never)
    static func divisionByZeroError() -> NumberError { divisionByZero }

    @usableFromInline @inline(never)
    static func moduloByZeroError() -> NumberError { moduloByZero }

    @usableFromInline @inline(never)
    static func trueDivisionByZeroError() -> NumberError { .zeroDivisionError("division by zero") }

    // MARK: General operands

    public static func floorDivide(_ a: PyInteger, _ b: PyInteger) throws(NumberError) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b { return try floorDivide(x, y) }
        if b.isZero { throw divisionByZero }
        return bigDivmod(a.bigValue, b.bigValue).quotient
    }

    public static func modulo(_ a: PyInteger, _ b: PyInteger) throws(NumberError) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b { return try modulo(x, y) }
        if b.isZero { throw moduloByZero }
        return bigDivmod(a.bigValue, b.bigValue).remainder
    }

    public static func divmod(_ a: PyInteger, _ b: PyInteger) throws(NumberError) -> (quotient: PyInteger, remainder: PyInteger) {
        if case .small(let x) = a, case .small(let y) = b { return try divmod(x, y) }
        if b.isZero { throw divisionByZero }
        return bigDivmod(a.bigValue, b.bigValue)
    }

    /// Floor division and remainder of big values (`b` nonzero).
    static func bigDivmod(_ a: BigInt, _ b: BigInt) -> (quotient: PyInteger, remainder: PyInteger) {
        // Truncating division of the magnitudes, then the floor correction:
        // when the signs differ and the division is inexact, the quotient
        // goes one further from zero and the remainder takes b's sign.
        let (q, r) = WordDivision.quotientAndRemainder(a.magnitude, b.magnitude)
        let negative = (a.sign == .minus) != (b.sign == .minus)
        var quotient = BigInt(sign: negative ? .minus : .plus, magnitude: q)
        var remainder = BigInt(sign: a.sign, magnitude: r)
        if !r.isZero && negative {
            quotient -= 1
            remainder += b
        }
        return (PyInteger(quotient), PyInteger(remainder))
    }

    /// `a / b`: the correctly rounded quotient (round-half-even), as CPython's
    /// `long_true_divide`. Raises "division by zero" and, when the quotient is
    /// beyond the float range, "integer division result too large for a float".
    public static func trueDivide(_ a: PyInteger, _ b: PyInteger) throws(NumberError) -> Double {
        if b.isZero { throw trueDivisionByZeroError() }
        if case .small(let x) = a, case .small(let y) = b {
            let limit = UInt(1) << 53
            if x.magnitude <= limit && y.magnitude <= limit { return Double(x) / Double(y) }
        }
        let negative = a.isNegative != b.isNegative
        guard let quotient = FloatConversion.ratio(a.magnitude, b.magnitude) else {
            throw NumberError.overflowError("integer division result too large for a float")
        }
        return negative ? -quotient : quotient
    }

    public static func / (a: PyInteger, b: PyInteger) throws(NumberError) -> Double { try trueDivide(a, b) }
}
