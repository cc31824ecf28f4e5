import BigInt

extension FloatMath {
    /// `round(x)`: the nearest integer, ties to even, as an int. Infinity and
    /// NaN raise as `int(x)` does.
    public static func round(_ x: Double) throws(NumberError) -> PyInteger {
        try FloatConversion.integer(x.rounded(.toNearestOrEven))
    }

    /// `round(x, ndigits)`: `x` rounded to `ndigits` decimal places, the
    /// exact decimal value rounded half to even and then read back as the
    /// nearest double (CPython's `double_round` with dtoa), so
    /// `round(2.675, 2)` is 2.67: the double 2.675 is a little below 2.675.
    /// `ndigits` is already clamped to `Int` (as `PyNumber_AsSsize_t`).
    public static func round(_ x: Double, digits ndigits: Int) throws(NumberError) -> Double {
        if !x.isFinite || x == 0 { return x }
        // Beyond these every double is unchanged / rounds to zero.
        if ndigits > 323 { return x }
        if ndigits < -308 { return 0.0 * x }
        let scaled = DecimalExpansion.scaledInteger(x, power: ndigits)
        let result: Double?
        if ndigits >= 0 {
            result = FloatConversion.ratio(scaled, BigUInt(10).power(ndigits))
        } else {
            result = FloatConversion.double(negative: false, magnitude: scaled * BigUInt(10).power(-ndigits))
        }
        guard let magnitude = result else {
            throw NumberError.overflowError("rounded value too large to represent")
        }
        return Double(signOf: x, magnitudeOf: magnitude)
    }
}

extension PyInteger {
    /// `round(self, ndigits)` for an int: unchanged for `ndigits >= 0`, else
    /// rounded half to even to a multiple of `10**-ndigits`.
    public func rounded(digits ndigits: PyInteger) -> PyInteger {
        guard ndigits.isNegative else { return self }
        // A power of ten with more digits than twice the value rounds it to 0.
        let places = ndigits.magnitude
        let bits = self.bitLength
        if places > BigUInt(bits / 3 + 2) { return 0 }
        let scale = PyInteger(BigInt(10).power(Int(places)))
        // divmod cannot fail: the divisor is positive.
        guard let division = try? PyInteger.divmod(self, scale) else { return self }
        let (quotient, remainder) = division
        let twice = PyInteger.multiply(remainder, 2)
        let comparison = PyInteger.compare(twice, scale)
        var roundedQuotient = quotient
        if comparison > 0 || (comparison == 0 && quotient.isOdd) {
            roundedQuotient = PyInteger.add(quotient, 1)
        }
        return PyInteger.multiply(roundedQuotient, scale)
    }
}
