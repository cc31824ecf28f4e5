import BigInt

extension FloatMath {
    /// Compares a float with an int exactly (Python never rounds the int:
    /// `2**53 + 1 > float(2**53)`). -1, 0 or 1, or nil when `x` is NaN (every
    /// ordering is then false and only `!=` is true).
    @inlinable
    public static func compare(_ x: Double, _ y: PyInteger) -> Int? {
        if case .small(let small) = y, small.magnitude <= 1 << 53 {
            // Exact conversion.
            let other = Double(small)
            if x < other { return -1 }
            if x > other { return 1 }
            return x == other ? 0 : nil
        }
        return compareSlow(x, y)
    }

    @usableFromInline
    static func compareSlow(_ x: Double, _ y: PyInteger) -> Int? {
        if x.isNaN { return nil }
        if x.isInfinite { return x > 0 ? 1 : -1 }
        // Compare the integral part exactly, then let the fraction break a tie.
        let whole = x.rounded(.down)
        let integral: PyInteger
        if whole.magnitude < 9.223372036854775808e18 {
            integral = .small(Int(whole))
        } else {
            // Integral beyond 2^63: the conversion cannot fail.
            integral = (try? FloatConversion.integer(whole)) ?? 0
        }
        let order = PyInteger.compare(integral, y)
        if order != 0 { return order }
        return whole == x ? 0 : 1
    }

    /// Compares an int with a float exactly (the mirror of `compare(_:_:)`).
    @inlinable
    public static func compare(_ x: PyInteger, _ y: Double) -> Int? {
        compare(y, x).map { -$0 }
    }
}
