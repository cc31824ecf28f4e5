import BigInt

/// Exact conversions between Python's `int` and `float`.
public enum FloatConversion {
    /// The double nearest to `numerator / denominator` (ties to even), or nil
    /// when it is beyond the float range. `denominator` must be nonzero.
    ///
    /// The quotient is computed to 55 or more significant bits plus a sticky
    /// bit for the remainder, then rounded once to the precision the result
    /// has there (53 bits, fewer for subnormals).
    public static func ratio(_ numerator: BigUInt, _ denominator: BigUInt) -> Double? {
        if numerator.isZero { return 0.0 }
        let numeratorBits = numerator.bitWidth
        let denominatorBits = denominator.bitWidth
        // numerator / denominator lies in [2^(n-d-1), 2^(n-d+1)); scale it so
        // that the integer quotient has 55 or 56 bits.
        let shift = 55 - (numeratorBits - denominatorBits)
        var quotient: UInt64
        var sticky: Bool
        if denominatorBits <= 64, shift >= 0, numeratorBits + shift <= 128 {
            let scaled = UInt128(numerator.words[0]) | (numerator.words.count > 1 ? UInt128(numerator.words[1]) << 64 : 0)
            let divisor = UInt128(denominator.words[0])
            let shifted = scaled << shift
            quotient = UInt64(shifted / divisor)
            sticky = shifted % divisor != 0
        } else {
            let (q, r) = shift >= 0
                ? (numerator << shift).quotientAndRemainder(dividingBy: denominator)
                : numerator.quotientAndRemainder(dividingBy: denominator << -shift)
            quotient = UInt64(q.words[0])
            sticky = !r.isZero
        }
        return round(quotient, sticky: sticky, scale: -shift)
    }

    /// The double nearest to an integer, or nil beyond the float range.
    public static func double(negative: Bool, magnitude: BigUInt) -> Double? {
        let bits = magnitude.bitWidth
        if bits <= 64 {
            let value = magnitude.isZero ? 0.0 : Double(UInt64(magnitude.words[0]))
            return negative ? -value : value
        }
        // The top 64 bits and whether anything below them is set.
        let drop = bits - 64
        let top = UInt64((magnitude >> drop).words[0])
        let sticky = magnitude.trailingZeroBitCount < drop
        guard let result = round(top, sticky: sticky, scale: drop) else { return nil }
        return negative ? -result : result
    }

    /// Rounds `(quotient + fraction) * 2^scale` to a double, where `fraction`
    /// is in [0, 1) and nonzero exactly when `sticky`. `quotient` must have at
    /// least 55 significant bits unless the value is exact. Nil on overflow.
    static func round(_ quotient: UInt64, sticky: Bool, scale: Int) -> Double? {
        let bits = 64 - quotient.leadingZeroBitCount
        // The value lies in [2^top, 2^(top+1)).
        let top = bits - 1 + scale
        if top > 1023 { return nil }
        // Significant bits the double keeps at this magnitude.
        let keep = top >= -1022 ? 53 : top + 1075
        if keep < 0 { return 0.0 }
        let drop = bits - keep
        if drop <= 0 {
            // Exact (a short integer, or a subnormal-range value that fits).
            return Double(sign: .plus, exponent: scale, significand: Double(quotient))
        }
        // drop is in 1...64.
        var mantissa = drop == 64 ? 0 : quotient >> UInt64(drop)
        let rest = drop == 64 ? quotient : quotient & ((1 << UInt64(drop)) - 1)
        let half = UInt64(1) << UInt64(drop - 1)
        if rest > half || (rest == half && (sticky || mantissa & 1 == 1)) {
            mantissa += 1
        }
        let result = Double(sign: .plus, exponent: scale + drop, significand: Double(mantissa))
        return result.isInfinite ? nil : result
    }

    /// `int(x)` for a float: truncation toward zero. Infinity raises
    /// OverflowError and NaN raises ValueError, with CPython's messages.
    public static func integer(_ x: Double) throws(NumberError) -> PyInteger {
        if x.isNaN { throw NumberError.valueError("cannot convert float NaN to integer") }
        if x.isInfinite { throw NumberError.overflowError("cannot convert float infinity to integer") }
        let truncated = x.rounded(.towardZero)
        if truncated.magnitude < 9.223372036854775808e18 { return .small(Int(truncated)) }
        if truncated == -9.223372036854775808e18 { return .small(.min) }
        let (mantissa, exponent) = decompose(truncated)
        return PyInteger(negative: x < 0, magnitude: BigUInt(mantissa) << exponent)
    }

    /// `x.as_integer_ratio()`: the exact value as a fraction in lowest terms
    /// with a positive denominator.
    public static func integerRatio(_ x: Double) throws(NumberError) -> (numerator: PyInteger, denominator: PyInteger) {
        if x.isInfinite { throw NumberError.overflowError("cannot convert Infinity to integer ratio") }
        if x.isNaN { throw NumberError.valueError("cannot convert NaN to integer ratio") }
        if x == 0 { return (0, 1) }
        var (mantissa, exponent) = decompose(x.magnitude)
        // Lowest terms: strip the factors of two the mantissa shares.
        let twos = mantissa.trailingZeroBitCount
        mantissa >>= UInt64(twos)
        exponent += twos
        let negative = x < 0
        if exponent >= 0 {
            return (PyInteger(negative: negative, magnitude: BigUInt(mantissa) << exponent), 1)
        }
        let numerator = PyInteger(negative: negative, magnitude: BigUInt(mantissa))
        return (numerator, PyInteger(negative: false, magnitude: BigUInt(1) << -exponent))
    }

    /// `x.is_integer()`.
    @inlinable
    public static func isInteger(_ x: Double) -> Bool {
        x.isFinite && x.rounded(.towardZero) == x
    }

    /// A finite nonzero `|x|` as `mantissa * 2^exponent` with an integer
    /// mantissa of at most 53 bits (not reduced).
    static func decompose(_ x: Double) -> (mantissa: UInt64, exponent: Int) {
        let magnitude = x.magnitude
        if magnitude.isSubnormal {
            return (magnitude.significandBitPattern, -1074)
        }
        return (magnitude.significandBitPattern | (1 << 52), Int(magnitude.exponent) - 52)
    }
}
