import BigInt

/// The exact integer functions of the `math` module (`isqrt`, `factorial`,
/// `comb`, `perm`, `lcm`) on `PyInteger`s. Products of long ranges are
/// split in halves so the multiplications stay balanced (much faster than
/// multiplying one factor at a time once the numbers are big).
enum MathIntegers {
    /// ⌊√n⌋ for n ≥ 0.
    static func squareRoot(_ n: PyInteger) -> PyInteger {
        switch n {
        case .small(let value):
            var root = Int(Double(value).squareRoot())
            // The double may be off by one for values near 2**63.
            while root > 0 && root.multipliedReportingOverflow(by: root).overflow { root -= 1 }
            while root * root > value { root -= 1 }
            while true {
                let next = root + 1
                let (square, overflow) = next.multipliedReportingOverflow(by: next)
                if overflow || square > value { break }
                root = next
            }
            return .small(root)
        case .big(let value):
            return PyInteger(BigInt(value.magnitude.squareRoot()))
        }
    }

    /// The product of the integers in `low...high` (1 when empty).
    static func product(_ low: Int, _ high: Int) -> PyInteger {
        if low > high { return .small(1) }
        if high - low < 8 {
            var result = PyInteger.small(low)
            var factor = low + 1
            while factor <= high {
                result = PyInteger.multiply(result, .small(factor))
                factor += 1
            }
            return result
        }
        let middle = low + (high - low) / 2
        return PyInteger.multiply(product(low, middle), product(middle + 1, high))
    }

    /// The product of `count` consecutive integers ending at `top` (a big
    /// `top`): top × (top − 1) × ... × (top − count + 1).
    static func fallingProduct(_ top: PyInteger, count: Int) -> PyInteger {
        if count == 0 { return .small(1) }
        if count == 1 { return top }
        let half = count / 2
        let upper = fallingProduct(top, count: half)
        let lower = fallingProduct(PyInteger.subtract(top, .small(half)), count: count - half)
        return PyInteger.multiply(upper, lower)
    }

    /// n! for n ≥ 0.
    static func factorial(_ n: Int) -> PyInteger { product(2, n) }

    /// The number of ways to choose k of n items in order (n ≥ k ≥ 0).
    static func permutations(_ n: PyInteger, _ k: Int) -> PyInteger {
        fallingProduct(n, count: k)
    }

    /// The binomial coefficient n over k, for n ≥ k ≥ 0 and k ≤ n − k.
    static func combinations(_ n: PyInteger, _ k: Int) -> PyInteger {
        let numerator = fallingProduct(n, count: k)
        return try! PyInteger.floorDivide(numerator, factorial(k))
    }

    /// The least common multiple (non-negative).
    static func lcm(_ a: PyInteger, _ b: PyInteger) -> PyInteger {
        if a.isZero || b.isZero { return .small(0) }
        let divisor = PyInteger.gcd(a, b)
        let quotient = try! PyInteger.floorDivide(PyInteger.absolute(a), divisor)
        return PyInteger.multiply(quotient, PyInteger.absolute(b))
    }
}
