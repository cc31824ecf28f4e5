import BigInt

// `**` and three-argument `pow` for Python ints.

/// The result of `int ** int`: an int for a non-negative exponent, a float for
/// a negative one (Python converts both operands and uses float `**`).
public enum IntegerPowerResult: Equatable, Sendable {
    case integer(PyInteger)
    case float(Double)
}

extension PyInteger {
    /// `base ** exponent` for two words.
    @inlinable
    public static func power(_ base: Int, _ exponent: Int) throws(NumberError) -> IntegerPowerResult {
        if exponent >= 0 {
            var result = 1
            var square = base
            var remaining = exponent
            while true {
                if remaining & 1 == 1 {
                    let (product, overflow) = result.multipliedReportingOverflow(by: square)
                    if overflow { return try power(.small(base), .small(exponent)) }
                    result = product
                }
                remaining >>= 1
                if remaining == 0 { return .integer(.small(result)) }
                let (squared, overflow) = square.multipliedReportingOverflow(by: square)
                if overflow { return try power(.small(base), .small(exponent)) }
                square = squared
            }
        }
        return try power(.small(base), .small(exponent))
    }

    /// `base ** exponent`. A negative exponent gives a float, computed as
    /// `float(base) ** float(exponent)` (CPython's `long_pow`).
    public static func power(_ base: PyInteger, _ exponent: PyInteger) throws(NumberError) -> IntegerPowerResult {
        if exponent.isNegative {
            let result = try FloatMath.power(base.toDouble(), exponent.toDouble())
            switch result {
            case .float(let value): return .float(value)
            case .complex: fatalError("a whole exponent never gives a complex result")
            }
        }
        // Bases whose powers stay small, for any exponent.
        switch base {
        case .small(0): return .integer(exponent.isZero ? 1 : 0)
        case .small(1): return .integer(1)
        case .small(-1): return .integer(exponent.isOdd ? -1 : 1)
        default: break
        }
        guard case .small(let count) = exponent,
              count <= NumberLimits.maxIntegerBits / max(1, base.magnitude.bitWidth - 1) else {
            throw NumberError.memoryError
        }
        if case .small(let b) = base, count < 64 {
            // Word-sized until it overflows.
            var result = 1
            var index = 0
            while index < count {
                let (product, overflow) = result.multipliedReportingOverflow(by: b)
                if overflow { break }
                result = product
                index += 1
            }
            if index == count { return .integer(.small(result)) }
        }
        let magnitude = power(base.magnitude, count)
        return .integer(PyInteger(negative: base.isNegative && count & 1 == 1, magnitude: magnitude))
    }

    /// `pow(base, exponent, modulus)` (CPython 3.8+): the result has the
    /// modulus's sign; a negative exponent uses the modular inverse.
    public static func power(_ base: PyInteger, _ exponent: PyInteger, modulus: PyInteger) throws(NumberError) -> PyInteger {
        if modulus.isZero { throw NumberError.valueError("pow() 3rd argument cannot be 0") }
        let negativeOutput = modulus.isNegative
        let m = modulus.magnitude
        if m == 1 { return 0 }
        var b = base.bigValue.modulus(BigInt(m)).magnitude
        if exponent.isNegative {
            guard !b.isZero, let inverse = b.inverse(m) else {
                throw NumberError.valueError("base is not invertible for the given modulus")
            }
            b = inverse
        }
        let e = exponent.magnitude
        var result: BigUInt
        if m.bitWidth <= 64 {
            result = BigUInt(modularPower(UInt64(b.isZero ? 0 : b.words[0]), e, UInt64(m.words[0])))
        } else {
            result = modularPower(b, e, m)
        }
        if negativeOutput && !result.isZero {
            return PyInteger(BigInt(result) - BigInt(m))
        }
        return PyInteger(negative: false, magnitude: result)
    }

    /// `base^exponent` by squaring, left to right.
    static func power(_ base: BigUInt, _ exponent: Int) -> BigUInt {
        if exponent == 0 { return 1 }
        var result = base
        var bit = Int.bitWidth - exponent.leadingZeroBitCount - 2
        while bit >= 0 {
            result = WordMultiplication.multiply(result, result)
            if exponent >> bit & 1 == 1 { result = WordMultiplication.multiply(result, base) }
            bit -= 1
        }
        return result
    }

    /// `base^exponent mod modulus` for large operands (modulus > 1,
    /// base < modulus), left to right, on word buffers reused across steps.
    static func modularPower(_ base: BigUInt, _ exponent: BigUInt, _ modulus: BigUInt) -> BigUInt {
        let n = modulus.words.count
        let modulusWords = Array(modulus.words)
        var baseWords = Array(base.words)
        baseWords += repeatElement(0, count: n - baseWords.count)
        var result = [UInt](repeating: 0, count: n)
        result[0] = 1
        var product = [UInt](repeating: 0, count: 2 * n)
        var quotient = [UInt](repeating: 0, count: n + 1)
        // result = result * factor mod modulus.
        func multiplyReduce(_ factor: [UInt]) {
            product.withUnsafeMutableBufferPointer { p in
                p.update(repeating: 0)
                result.withUnsafeBufferPointer { r in
                    factor.withUnsafeBufferPointer { f in
                        WordMultiplication.multiply(WordMultiplication.trimmed(r), WordMultiplication.trimmed(f),
                                                    into: UnsafeMutableBufferPointer(rebasing: p[0..<(WordMultiplication.trimmed(r).count + WordMultiplication.trimmed(f).count)]))
                    }
                }
                modulusWords.withUnsafeBufferPointer { m in
                    quotient.withUnsafeMutableBufferPointer { q in
                        result.withUnsafeMutableBufferPointer { r in
                            WordDivision.divide(p, m, quotient: q, remainder: r)
                        }
                    }
                }
            }
        }
        var bit = exponent.bitWidth - 1
        while bit >= 0 {
            let square = result
            multiplyReduce(square)
            if exponent[bitAt: bit] { multiplyReduce(baseWords) }
            bit -= 1
        }
        return BigUInt(words: result)
    }

    /// `base^exponent mod modulus` with word-sized operands (modulus > 1).
    static func modularPower(_ base: UInt64, _ exponent: BigUInt, _ modulus: UInt64) -> UInt64 {
        var result: UInt64 = 1 % modulus
        var square = base % modulus
        let words = exponent.words
        for (index, word) in words.enumerated() {
            var bits = word
            var remaining = index == words.count - 1 ? 64 - word.leadingZeroBitCount : 64
            while remaining > 0 {
                if bits & 1 == 1 {
                    result = modulus.dividingFullWidth(result.multipliedFullWidth(by: square)).remainder
                }
                bits >>= 1
                remaining -= 1
                if remaining > 0 || index < words.count - 1 {
                    square = modulus.dividingFullWidth(square.multipliedFullWidth(by: square)).remainder
                }
            }
        }
        return result
    }

    /// Whether the value is odd.
    @inlinable
    public var isOdd: Bool {
        switch self {
        case .small(let value): return value & 1 != 0
        case .big(let value): return value.magnitude.words[0] & 1 != 0
        }
    }
}
