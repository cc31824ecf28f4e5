#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The floating-point algorithms of the `math` module that C's libm does
/// not provide the way CPython computes them: CPython's own Lanczos gamma
/// and log-gamma (so results agree to the last bit), the exactly rounded
/// `fsum` (Shewchuk's partials), and the scaled, compensated Euclidean norm
/// behind `hypot` and `dist`. Pure functions on doubles; errors are
/// reported as `MathReal.Failure` and turned into Python exceptions by
/// the module.
enum MathReal {
    /// How a computation went wrong (CPython sets errno to EDOM or ERANGE).
    enum Failure: Error {
        /// ValueError("math domain error").
        case domain
        /// OverflowError("math range error").
        case range
    }

    // MARK: Gamma

    /// The Lanczos approximation's parameter g and g − ½.
    static let lanczosG = 6.024680040776729583740234375
    static let lanczosGMinusHalf = 5.524680040776729583740234375
    /// Numerator and denominator of the rational function the
    /// approximation sums (Godfrey's coefficients for n = 13, g as above).
    static let lanczosNumerator: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    /// The denominator's coefficients: those of x(x+1)...(x+11).
    static let lanczosDenominator: [Double] = [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
        2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ]
    /// Γ(n) = (n − 1)! for n = 1...23, exact in a double.
    static let gammaOfIntegers: [Double] = [
        1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800, 479001600, 6227020800,
        87178291200, 1307674368000, 20922789888000, 355687428096000, 6402373705728000,
        121645100408832000, 2432902008176640000, 51090942171709440000, 1124000727777607680000,
    ]

    /// The rational sum of the approximation at x > 0: Horner's scheme in
    /// x for small x, in 1/x for large x (where x^12 would overflow).
    static func lanczosSum(_ x: Double) -> Double {
        var numerator = 0.0
        var denominator = 0.0
        let count = lanczosNumerator.count
        if x < 5.0 {
            for index in stride(from: count - 1, through: 0, by: -1) {
                numerator = numerator * x + lanczosNumerator[index]
                denominator = denominator * x + lanczosDenominator[index]
            }
        } else {
            for index in 0..<count {
                numerator = numerator / x + lanczosNumerator[index]
                denominator = denominator / x + lanczosDenominator[index]
            }
        }
        return numerator / denominator
    }

    /// sin(πx) for finite x, computed from the reduced argument so that
    /// integers give exact zeros.
    static func sinPi(_ x: Double) -> Double {
        let y = fmod(Swift.abs(x), 2.0)
        let octant = Int((2.0 * y).rounded())
        let result: Double
        switch octant {
        case 0: result = sin(Double.pi * y)
        case 1: result = cos(Double.pi * (y - 0.5))
        case 2: result = sin(Double.pi * (1.0 - y))
        case 3: result = -cos(Double.pi * (y - 1.5))
        default: result = sin(Double.pi * (y - 2.0))
        }
        return Double(signOf: x, magnitudeOf: 1.0) * result
    }

    /// Γ(x).
    static func gamma(_ x: Double) throws(Failure) -> Double {
        if !x.isFinite {
            if x.isNaN || x > 0 { return x }
            throw .domain
        }
        if x == 0 { throw .domain }
        if x == x.rounded(.down) {
            if x < 0 { throw .domain }
            if x <= Double(gammaOfIntegers.count) { return gammaOfIntegers[Int(x) - 1] }
        }
        let absolute = Swift.abs(x)
        if absolute < 1e-20 {
            let result = 1.0 / x
            if result.isInfinite { throw .range }
            return result
        }
        if absolute > 200.0 {
            if x < 0 { return 0.0 / sinPi(x) }
            throw .range
        }
        let y = absolute + lanczosGMinusHalf
        // z is the rounding error of y, so the power below can be corrected.
        var z: Double
        if absolute > lanczosGMinusHalf {
            let q = y - absolute
            z = q - lanczosGMinusHalf
        } else {
            let q = y - lanczosGMinusHalf
            z = q - absolute
        }
        z = z * lanczosG / y
        var result: Double
        if x < 0 {
            result = -Double.pi / sinPi(absolute) / absolute * exp(y) / lanczosSum(absolute)
            result -= z * result
            if absolute < 140.0 {
                result /= pow(y, absolute - 0.5)
            } else {
                let halfPower = pow(y, absolute / 2.0 - 0.25)
                result /= halfPower
                result /= halfPower
            }
        } else {
            result = lanczosSum(absolute) / exp(y)
            result += z * result
            if absolute < 140.0 {
                result *= pow(y, absolute - 0.5)
            } else {
                let halfPower = pow(y, absolute / 2.0 - 0.25)
                result *= halfPower
                result *= halfPower
            }
        }
        if result.isInfinite { throw .range }
        return result
    }

    /// log|Γ(x)|.
    static func logGamma(_ x: Double) throws(Failure) -> Double {
        if !x.isFinite {
            if x.isNaN { return x }
            return .infinity
        }
        if x == x.rounded(.down) && x <= 2.0 {
            if x <= 0 { throw .domain }
            return 0.0
        }
        let absolute = Swift.abs(x)
        if absolute < 1e-20 { return -log(absolute) }
        var result = log(lanczosSum(absolute)) - lanczosG
        result += (absolute - 0.5) * (log(absolute + lanczosG - 0.5) - 1)
        if x < 0 {
            let logPi = 1.144729885849400174143427351353058711647
            result = logPi - log(Swift.abs(sinPi(absolute))) - log(absolute) - result
        }
        if result.isInfinite { throw .range }
        return result
    }

    // MARK: Sums and norms

    /// What `fsum` can report besides a result.
    enum SumFailure: Error {
        case intermediateOverflow
        case infinitiesOfBothSigns
    }

    /// The exactly rounded sum of `values`, kept as non-overlapping partials
    /// (Shewchuk's algorithm, with Python's final half-way correction).
    struct ExactSum {
        var partials: [Double] = []
        var specialSum = 0.0
        var infinitySum = 0.0

        mutating func add(_ value: Double) throws(SumFailure) {
            var x = value
            var kept = 0
            for index in partials.indices {
                var y = partials[index]
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let high = x + y
                let low = y - (high - x)
                if low != 0 {
                    partials[kept] = low
                    kept += 1
                }
                x = high
            }
            partials.removeSubrange(kept...)
            if x != 0 {
                if !x.isFinite {
                    // Either the sum overflowed, or an infinity or NaN came in.
                    if value.isFinite { throw .intermediateOverflow }
                    if value.isInfinite { infinitySum += value }
                    specialSum += value
                    partials.removeAll()
                } else {
                    partials.append(x)
                }
            }
        }

        func result() throws(SumFailure) -> Double {
            if specialSum != 0 {
                if infinitySum.isNaN { throw .infinitiesOfBothSigns }
                return specialSum
            }
            var remaining = partials.count
            guard remaining > 0 else { return 0.0 }
            remaining -= 1
            var high = partials[remaining]
            var low = 0.0
            while remaining > 0 {
                let x = high
                remaining -= 1
                let y = partials[remaining]
                high = x + y
                let yRounded = high - x
                low = y - yRounded
                if low != 0 { break }
            }
            // Round half to even by hand when the rest of the partials tip
            // a half-way case over.
            if remaining > 0 && ((low < 0 && partials[remaining - 1] < 0) || (low > 0 && partials[remaining - 1] > 0)) {
                let y = low * 2.0
                let x = high + y
                let yRounded = x - high
                if y == yRounded { high = x }
            }
            return high
        }
    }

    /// sqrt(sum of squares) of finite, non-negative `values` whose largest
    /// is `maximum`: scaled to avoid overflow and underflow, squares and
    /// sums kept exact as double-length numbers, then one Newton
    /// correction, so the result is (almost always) correctly rounded.
    static func vectorNorm(_ values: [Double], maximum: Double, foundNaN: Bool) -> Double {
        if maximum.isInfinite { return maximum }
        if foundNaN { return .nan }
        if maximum == 0 || values.count <= 1 { return maximum }
        let exponent = maximum.exponent + 1   // frexp's exponent
        if exponent < -1023 {
            // 2**-exponent would overflow: bring subnormals up first.
            let smallest = Double.leastNormalMagnitude
            return smallest * vectorNorm(values.map { $0 / smallest }, maximum: maximum / smallest, foundNaN: false)
        }
        let scale = scalbn(1.0, -exponent)
        var sum = 1.0
        var productErrors = 0.0
        var sumErrors = 0.0
        for value in values {
            let x = value * scale
            let square = x * x
            productErrors += fma(x, x, -square)
            let total = sum + square
            sumErrors += (sum - total) + square
            sum = total
        }
        var root = (sum - 1.0 + (productErrors + sumErrors)).squareRoot()
        let negativeSquare = -root * root
        productErrors += fma(-root, root, -negativeSquare)
        let total = sum + negativeSquare
        sumErrors += (sum - total) + negativeSquare
        sum = total
        let residual = sum - 1.0 + (productErrors + sumErrors)
        root += residual / (2.0 * root)
        return root / scale
    }
}
