import Foundation

// The complex functions of `cmath`, with CPython 3.11's results: inputs
// with an infinite or NaN part come from the special-value tables
// (CMathSpecialValues.swift, generated from CPython), finite inputs go
// through the branch-cut-careful formulas of Kahan ("Branch Cuts for
// Complex Elementary Functions"), with rescaling where an intermediate
// would overflow or lose precision to underflow.

/// One cell of a special-value table.
struct CMathSpecial {
    let real: Double
    let imag: Double
    let domainError: Bool

    init(_ real: Double, _ imag: Double) {
        self.real = real
        self.imag = imag
        self.domainError = false
    }

    init(domainError: Bool) {
        self.real = .nan
        self.imag = .nan
        self.domainError = domainError
    }

    static let unused = CMathSpecial(.nan, .nan)
}

/// What went wrong, as CPython's errno: EDOM is "math domain error"
/// (ValueError), ERANGE "math range error" (OverflowError).
enum CMathError: Error {
    case domain
    case range
}

enum ComplexMath {
    typealias Number = ComplexNumber

    static let largeDouble = Double.greatestFiniteMagnitude / 4
    static let sqrtLargeDouble = largeDouble.squareRoot()
    static let logLargeDouble = Foundation.log(largeDouble)
    static let sqrtMinDouble = Double.leastNormalMagnitude.squareRoot()
    static let scaleUp = 2 * ((Double.significandBitCount + 1) / 2) + 1   // 53
    static let scaleDown = -(scaleUp + 1) / 2                            // -27
    static let ln2 = 0.6931471805599453094
    static let ln10 = 2.302585092994045684

    /// The table index of a double's class.
    @inline(__always)
    static func specialClass(_ x: Double) -> Int {
        if x.isNaN { return 6 }
        if x.isInfinite { return x > 0 ? 5 : 0 }
        if x == 0 { return x.sign == .minus ? 2 : 3 }
        return x.sign == .minus ? 1 : 4
    }

    static func isSpecial(_ z: Number) -> Bool { !z.real.isFinite || !z.imag.isFinite }

    static func lookup(_ table: [CMathSpecial], _ z: Number) throws(CMathError) -> Number {
        let cell = table[specialClass(z.real) * 7 + specialClass(z.imag)]
        if cell.domainError { throw .domain }
        return Number(real: cell.real, imag: cell.imag)
    }

    static func copysign(_ magnitude: Double, _ sign: Double) -> Double { Foundation.copysign(magnitude, sign) }

    // MARK: square root, logarithms

    static func sqrt(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) { return try lookup(CMathSpecialValues.sqrt, z) }
        if z.real == 0 && z.imag == 0 { return Number(real: 0, imag: z.imag) }
        var ax = abs(z.real)
        let ay = abs(z.imag)
        let s: Double
        if ax < Double.leastNormalMagnitude && ay < Double.leastNormalMagnitude {
            // Scale subnormal inputs up so the root keeps its precision.
            ax = scalbn(ax, scaleUp)
            s = scalbn((ax + hypot(ax, scalbn(ay, scaleUp))).squareRoot(), scaleDown)
        } else {
            ax /= 8
            s = 2 * (ax + hypot(ax, ay / 8)).squareRoot()
        }
        let d = ay / (2 * s)
        if z.real >= 0 { return Number(real: s, imag: copysign(d, z.imag)) }
        return Number(real: d, imag: copysign(s, z.imag))
    }

    static func log(_ z: Number) throws(CMathError) -> Number {
        let (result, isDomainError) = try logAndDomain(z)
        if isDomainError { throw .domain }
        return result
    }

    /// The logarithm and whether it is a domain error (log 0 is still
    /// -inf with the zero's phase: `log(0, base)` divides it, since CPython
    /// clears the error when it takes the base's logarithm).
    static func logAndDomain(_ z: Number) throws(CMathError) -> (Number, Bool) {
        if isSpecial(z) { return (try lookup(CMathSpecialValues.log, z), false) }
        let ax = abs(z.real)
        let ay = abs(z.imag)
        var real: Double
        if ax > largeDouble || ay > largeDouble {
            real = Foundation.log(hypot(ax / 2, ay / 2)) + ln2
        } else if ax < Double.leastNormalMagnitude && ay < Double.leastNormalMagnitude {
            if ax > 0 || ay > 0 {
                let digits = Double.significandBitCount + 1
                real = Foundation.log(hypot(scalbn(ax, digits), scalbn(ay, digits))) - Double(digits) * ln2
            } else {
                return (Number(real: -.infinity, imag: atan2(z.imag, z.real)), true)
            }
        } else {
            let h = hypot(ax, ay)
            if 0.71 <= h && h <= 1.73 {
                // Near the unit circle log(h) loses digits; log1p keeps them.
                let am = max(ax, ay)
                let an = min(ax, ay)
                real = log1p((am - 1) * (am + 1) + an * an) / 2
            } else {
                real = Foundation.log(h)
            }
        }
        return (Number(real: real, imag: atan2(z.imag, z.real)), false)
    }

    /// `log(z, base)`: the quotient of two logarithms (division by a zero
    /// logarithm is a domain error, as CPython's c_quot).
    static func log(_ z: Number, base: Number) throws(CMathError) -> Number {
        let (numerator, _) = try logAndDomain(z)
        let denominator = try log(base)
        return try quotient(numerator, denominator)
    }

    static func log10(_ z: Number) throws(CMathError) -> Number {
        let r = try log(z)
        return Number(real: r.real / ln10, imag: r.imag / ln10)
    }

    /// Complex division (Smith's algorithm with CPython's checks).
    static func quotient(_ a: Number, _ b: Number) throws(CMathError) -> Number {
        let absReal = abs(b.real)
        let absImag = abs(b.imag)
        if absReal >= absImag {
            if absReal == 0 { throw .domain }
            let ratio = b.imag / b.real
            let denominator = b.real + b.imag * ratio
            return Number(real: (a.real + a.imag * ratio) / denominator, imag: (a.imag - a.real * ratio) / denominator)
        }
        if absImag >= absReal {
            let ratio = b.real / b.imag
            let denominator = b.real * ratio + b.imag
            return Number(real: (a.real * ratio + a.imag) / denominator, imag: (a.imag * ratio - a.real) / denominator)
        }
        return Number(real: .nan, imag: .nan)   // a NaN divisor
    }

    // MARK: inverse functions

    static func acos(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) { return try lookup(CMathSpecialValues.acos, z) }
        if abs(z.real) > largeDouble || abs(z.imag) > largeDouble {
            let real = atan2(abs(z.imag), z.real)
            let magnitude = Foundation.log(hypot(z.real / 2, z.imag / 2)) + ln2 * 2
            let imag = z.real < 0 ? -copysign(magnitude, z.imag) : copysign(magnitude, -z.imag)
            return Number(real: real, imag: imag)
        }
        let s1 = try sqrt(Number(real: 1 - z.real, imag: -z.imag))
        let s2 = try sqrt(Number(real: 1 + z.real, imag: z.imag))
        return Number(real: 2 * atan2(s1.real, s2.real), imag: Foundation.asinh(s2.real * s1.imag - s2.imag * s1.real))
    }

    static func acosh(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) { return try lookup(CMathSpecialValues.acosh, z) }
        if abs(z.real) > largeDouble || abs(z.imag) > largeDouble {
            return Number(real: Foundation.log(hypot(z.real / 2, z.imag / 2)) + ln2 * 2, imag: atan2(z.imag, z.real))
        }
        let s1 = try sqrt(Number(real: z.real - 1, imag: z.imag))
        let s2 = try sqrt(Number(real: z.real + 1, imag: z.imag))
        return Number(real: Foundation.asinh(s1.real * s2.real + s1.imag * s2.imag), imag: 2 * atan2(s1.imag, s2.real))
    }

    static func asinh(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) { return try lookup(CMathSpecialValues.asinh, z) }
        if abs(z.real) > largeDouble || abs(z.imag) > largeDouble {
            let magnitude = Foundation.log(hypot(z.real / 2, z.imag / 2)) + ln2 * 2
            let real = z.imag >= 0 ? copysign(magnitude, z.real) : -copysign(magnitude, -z.real)
            return Number(real: real, imag: atan2(z.imag, abs(z.real)))
        }
        let s1 = try sqrt(Number(real: 1 + z.imag, imag: -z.real))
        let s2 = try sqrt(Number(real: 1 - z.imag, imag: z.real))
        return Number(real: Foundation.asinh(s1.real * s2.imag - s2.real * s1.imag),
                      imag: atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag))
    }

    static func asin(_ z: Number) throws(CMathError) -> Number {
        let s = try asinh(Number(real: -z.imag, imag: z.real))
        return Number(real: s.imag, imag: -s.real)
    }

    static func atanh(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) { return try lookup(CMathSpecialValues.atanh, z) }
        if z.real < 0 {
            let r = try atanh(Number(real: -z.real, imag: -z.imag))
            return Number(real: -r.real, imag: -r.imag)
        }
        let ay = abs(z.imag)
        if z.real > sqrtLargeDouble || ay > sqrtLargeDouble {
            let h = hypot(z.real / 2, z.imag / 2)
            return Number(real: z.real / 4 / h / h, imag: -copysign(Double.pi / 2, -z.imag))
        }
        if z.real == 1 && ay < sqrtMinDouble {
            if ay == 0 { throw .domain }
            return Number(real: -Foundation.log(ay.squareRoot() / hypot(ay, 2).squareRoot()),
                          imag: copysign(atan2(2, -ay) / 2, z.imag))
        }
        let oneMinus = 1 - z.real
        return Number(real: log1p(4 * z.real / (oneMinus * oneMinus + ay * ay)) / 4,
                      imag: -atan2(-2 * z.imag, oneMinus * (1 + z.real) - ay * ay) / 2)
    }

    static func atan(_ z: Number) throws(CMathError) -> Number {
        let s = try atanh(Number(real: -z.imag, imag: z.real))
        return Number(real: s.imag, imag: -s.real)
    }

    // MARK: exponential and hyperbolic functions

    static func exp(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) {
            let result: Number
            if z.real.isInfinite && z.imag.isFinite && z.imag != 0 {
                result = z.real > 0
                    ? Number(real: copysign(.infinity, Foundation.cos(z.imag)), imag: copysign(.infinity, Foundation.sin(z.imag)))
                    : Number(real: copysign(0, Foundation.cos(z.imag)), imag: copysign(0, Foundation.sin(z.imag)))
            } else {
                result = try lookup(CMathSpecialValues.exp, z)
            }
            if z.imag.isInfinite && (z.real.isFinite || (z.real.isInfinite && z.real > 0)) { throw .domain }
            return result
        }
        let result: Number
        if z.real > logLargeDouble {
            let l = Foundation.exp(z.real - 1)
            result = Number(real: l * Foundation.cos(z.imag) * M_E, imag: l * Foundation.sin(z.imag) * M_E)
        } else {
            let l = Foundation.exp(z.real)
            result = Number(real: l * Foundation.cos(z.imag), imag: l * Foundation.sin(z.imag))
        }
        if result.real.isInfinite || result.imag.isInfinite { throw .range }
        return result
    }

    static func cosh(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) {
            let result: Number
            if z.real.isInfinite && z.imag.isFinite && z.imag != 0 {
                let c = copysign(.infinity, Foundation.cos(z.imag))
                let s = copysign(.infinity, Foundation.sin(z.imag))
                result = z.real > 0 ? Number(real: c, imag: s) : Number(real: c, imag: -s)
            } else {
                result = try lookup(CMathSpecialValues.cosh, z)
            }
            if z.imag.isInfinite && !z.real.isNaN { throw .domain }
            return result
        }
        let result: Number
        if abs(z.real) > logLargeDouble {
            let shifted = z.real - copysign(1, z.real)
            result = Number(real: Foundation.cos(z.imag) * Foundation.cosh(shifted) * M_E,
                            imag: Foundation.sin(z.imag) * Foundation.sinh(shifted) * M_E)
        } else {
            result = Number(real: Foundation.cos(z.imag) * Foundation.cosh(z.real),
                            imag: Foundation.sin(z.imag) * Foundation.sinh(z.real))
        }
        if result.real.isInfinite || result.imag.isInfinite { throw .range }
        return result
    }

    static func sinh(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) {
            let result: Number
            if z.real.isInfinite && z.imag.isFinite && z.imag != 0 {
                let c = copysign(.infinity, Foundation.cos(z.imag))
                let s = copysign(.infinity, Foundation.sin(z.imag))
                result = z.real > 0 ? Number(real: c, imag: s) : Number(real: -c, imag: s)
            } else {
                result = try lookup(CMathSpecialValues.sinh, z)
            }
            if z.imag.isInfinite && !z.real.isNaN { throw .domain }
            return result
        }
        let result: Number
        if abs(z.real) > logLargeDouble {
            let shifted = z.real - copysign(1, z.real)
            result = Number(real: Foundation.cos(z.imag) * Foundation.sinh(shifted) * M_E,
                            imag: Foundation.sin(z.imag) * Foundation.cosh(shifted) * M_E)
        } else {
            result = Number(real: Foundation.cos(z.imag) * Foundation.sinh(z.real),
                            imag: Foundation.sin(z.imag) * Foundation.cosh(z.real))
        }
        if result.real.isInfinite || result.imag.isInfinite { throw .range }
        return result
    }

    static func tanh(_ z: Number) throws(CMathError) -> Number {
        if isSpecial(z) {
            let result: Number
            if z.real.isInfinite && z.imag.isFinite && z.imag != 0 {
                let zero = copysign(0, 2 * Foundation.sin(z.imag) * Foundation.cos(z.imag))
                result = Number(real: z.real > 0 ? 1 : -1, imag: zero)
            } else {
                result = try lookup(CMathSpecialValues.tanh, z)
            }
            if z.imag.isInfinite && z.real.isFinite { throw .domain }
            return result
        }
        if abs(z.real) > logLargeDouble {
            return Number(real: copysign(1, z.real),
                          imag: 4 * Foundation.sin(z.imag) * Foundation.cos(z.imag) * Foundation.exp(-2 * abs(z.real)))
        }
        let tx = Foundation.tanh(z.real)
        let ty = Foundation.tan(z.imag)
        let cx = 1 / Foundation.cosh(z.real)
        let txty = tx * ty
        let denominator = 1 + txty * txty
        return Number(real: tx * (1 + ty * ty) / denominator, imag: ((ty / denominator) * cx) * cx)
    }

    // MARK: trigonometric functions, through the hyperbolic ones of i*z

    static func cos(_ z: Number) throws(CMathError) -> Number {
        try cosh(Number(real: -z.imag, imag: z.real))
    }

    static func sin(_ z: Number) throws(CMathError) -> Number {
        let r = try sinh(Number(real: -z.imag, imag: z.real))
        return Number(real: r.imag, imag: -r.real)
    }

    static func tan(_ z: Number) throws(CMathError) -> Number {
        let r = try tanh(Number(real: -z.imag, imag: z.real))
        return Number(real: r.imag, imag: -r.real)
    }

    // MARK: coordinates

    static func rect(_ r: Double, _ phi: Double) throws(CMathError) -> Number {
        if !r.isFinite || !phi.isFinite {
            let result: Number
            if r.isInfinite && phi.isFinite && phi != 0 {
                let c = copysign(.infinity, Foundation.cos(phi))
                let s = copysign(.infinity, Foundation.sin(phi))
                result = r > 0 ? Number(real: c, imag: s) : Number(real: -c, imag: -s)
            } else {
                result = try lookup(CMathSpecialValues.rect, Number(real: r, imag: phi))
            }
            if phi.isInfinite && r != 0 && !r.isNaN { throw .domain }
            return result
        }
        if phi == 0 { return Number(real: r, imag: r * phi) }
        return Number(real: r * Foundation.cos(phi), imag: r * Foundation.sin(phi))
    }

    /// `abs(z)` as CPython's _Py_c_abs: infinite if either part is, NaN if
    /// either is NaN otherwise, a range error when the hypotenuse overflows.
    static func magnitude(_ z: Number) throws(CMathError) -> Double {
        if !z.real.isFinite || !z.imag.isFinite {
            if z.real.isInfinite || z.imag.isInfinite { return .infinity }
            return .nan
        }
        let result = hypot(z.real, z.imag)
        if result.isInfinite { throw .range }
        return result
    }

    static func phase(_ z: Number) -> Double { atan2(z.imag, z.real) }

    /// `cmath.phase`: CPython checks errno after the C library's atan2,
    /// which glibc sets to ERANGE when the angle underflows, so a tiny
    /// nonzero angle is a "math range error" there (and here).
    static func checkedPhase(_ z: Number) throws(CMathError) -> Double {
        if !z.real.isFinite || !z.imag.isFinite || z.imag == 0 { return atan2(z.imag, z.real) }
        errno = 0
        let result = atan2(z.imag, z.real)
        if errno == EDOM { throw .domain }
        if errno == ERANGE { throw .range }
        return result
    }
}
