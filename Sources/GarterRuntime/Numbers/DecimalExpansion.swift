import BigInt

/// Exact decimal digits of finite doubles, rounded half to even at a chosen
/// decimal position: what David Gay's `dtoa` gives CPython in its fixed
/// modes (2: significant digits, 3: digits after the point). Formatting
/// (`'%.2f'`, `'e'`, `'g'`) and `round(x, n)` rest on it.
///
/// A double is `m · 2^e` with an integer `m`, so `x · 10^k` is the fraction
/// `m · 5^k · 2^(e+k)` (or, for `k < 0`, `m · 2^(e+k) / 5^-k`): one integer
/// division, done in 128-bit registers when the operands fit and with
/// `BigUInt` otherwise.
enum DecimalExpansion {
    /// `round_half_even(|x| · 10^k)` for a finite `x`.
    static func scaledInteger(_ x: Double, power k: Int) -> BigUInt {
        if x == 0 { return BigUInt() }
        let (mantissa, exponent) = FloatConversion.decompose(x)
        if let small = scaledSmall(mantissa, exponent, k) { return BigUInt(small) }
        return scaledBig(mantissa, exponent, k)
    }

    /// The decimal digits of `round_half_even(|x| · 10^k)` ("0" for zero).
    static func scaledDigits(_ x: Double, power k: Int) -> [UInt8] {
        if x != 0 {
            let (mantissa, exponent) = FloatConversion.decompose(x)
            if let small = scaledSmall(mantissa, exponent, k) { return digits(small) }
            var bytes: [UInt8] = []
            IntegerText.appendDecimalDigits(of: scaledBig(mantissa, exponent, k), to: &bytes)
            return bytes
        }
        return [UInt8(ascii: "0")]
    }

    /// `|x|` to `count` significant digits: exactly `count` digits `d` and
    /// the exponent `E` with `|x| ≈ d₀.d₁d₂… × 10^E`. `x` finite and nonzero.
    static func significantDigits(_ x: Double, count: Int) -> (digits: [UInt8], exponent: Int) {
        // floor(log10 |x|) is this estimate or one more.
        let estimate = Int((Double(x.exponent) * 0.30102999566398119521).rounded(.down))
        var exponent = estimate
        var digits = scaledDigits(x, power: count - 1 - exponent)
        if digits.count > count {
            exponent += 1
            digits = scaledDigits(x, power: count - 1 - exponent)
            if digits.count > count {
                // Rounded up to a power of ten.
                digits.removeLast()
                exponent += 1
            }
        }
        return (digits, exponent)
    }

    static let powersOfFive: [UInt64] = {
        var table: [UInt64] = [1]
        for _ in 1...27 { table.append(table[table.count - 1] * 5) }
        return table
    }()

    /// The rounded `m · 2^e · 10^k` when numerator and denominator fit in
    /// 128 bits, else nil.
    static func scaledSmall(_ mantissa: UInt64, _ exponent: Int, _ k: Int) -> UInt128? {
        if k >= 0 {
            guard k <= 27 else { return nil }
            let numerator = UInt128(mantissa) * UInt128(powersOfFive[k])
            let shift = exponent + k
            if shift >= 0 {
                guard shift < numerator.leadingZeroBitCount else { return nil }
                return numerator << shift
            }
            let drop = -shift
            // The numerator is below 2^116, so it is less than half of 2^drop.
            if drop > 117 { return 0 }
            return roundShifted(numerator, drop)
        }
        let fives = -k
        guard fives <= 27 else { return nil }
        let shift = exponent - fives
        var numerator = UInt128(mantissa)
        var denominator = UInt128(powersOfFive[fives])
        if shift >= 0 {
            guard shift < numerator.leadingZeroBitCount else { return nil }
            numerator <<= shift
        } else {
            guard -shift < denominator.leadingZeroBitCount else { return nil }
            denominator <<= -shift
        }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let twice = remainder << 1
        if twice > denominator || (twice == denominator && quotient & 1 == 1) { return quotient + 1 }
        return quotient
    }

    /// `value / 2^drop` rounded half to even (`drop` in 1...127).
    @inline(__always)
    static func roundShifted(_ value: UInt128, _ drop: Int) -> UInt128 {
        let quotient = value >> drop
        let rest = value & ((1 << drop) - 1)
        let half = UInt128(1) << (drop - 1)
        if rest > half || (rest == half && quotient & 1 == 1) { return quotient + 1 }
        return quotient
    }

    static func scaledBig(_ mantissa: UInt64, _ exponent: Int, _ k: Int) -> BigUInt {
        if k >= 0 {
            let numerator = BigUInt(mantissa) * BigUInt(5).power(k)
            let shift = exponent + k
            if shift >= 0 { return numerator << shift }
            let drop = -shift
            let quotient = numerator >> drop
            // Compare the dropped bits with one half.
            let bits = numerator.bitWidth
            if drop > bits { return quotient }  // below half: zero
            let halfBit = drop - 1
            let isHalfSet = numerator[bitAt: halfBit]
            if !isHalfSet { return quotient }
            let belowHalfNonzero = numerator.trailingZeroBitCount < halfBit
            if belowHalfNonzero || quotient[bitAt: 0] { return quotient + 1 }
            return quotient
        }
        let fives = BigUInt(5).power(-k)
        let shift = exponent + k
        var numerator = BigUInt(mantissa)
        var denominator = fives
        if shift >= 0 { numerator <<= shift } else { denominator <<= -shift }
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let twice = remainder << 1
        if twice > denominator || (twice == denominator && quotient[bitAt: 0]) { return quotient + 1 }
        return quotient
    }

    static func digits(_ value: UInt128) -> [UInt8] {
        if value <= UInt128(UInt64.max) { return Array(String(UInt64(value)).utf8) }
        return Array(String(value).utf8)
    }
}
