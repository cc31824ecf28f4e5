import BigInt

extension PyInteger {
    /// `math.gcd(a, b)`: the non-negative greatest common divisor
    /// (`gcd(0, 0)` is 0).
    public static func gcd(_ a: PyInteger, _ b: PyInteger) -> PyInteger {
        if case .small(let x) = a, case .small(let y) = b {
            // Binary GCD on the magnitudes (Int.min's magnitude fits UInt).
            var u = x.magnitude
            var v = y.magnitude
            if u == 0 { return PyInteger(negative: false, magnitude: BigUInt(v)) }
            if v == 0 { return PyInteger(negative: false, magnitude: BigUInt(u)) }
            let shift = (u | v).trailingZeroBitCount
            u >>= u.trailingZeroBitCount
            repeat {
                v >>= v.trailingZeroBitCount
                if u > v { swap(&u, &v) }
                v -= u
            } while v != 0
            return PyInteger(negative: false, magnitude: BigUInt(u << shift))
        }
        return PyInteger(negative: false, magnitude: a.magnitude.greatestCommonDivisor(with: b.magnitude))
    }
}
