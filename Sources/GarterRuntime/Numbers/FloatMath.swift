#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of float `**`: a float, or the sign that Python's answer is a
/// complex number (a negative base with a fractional exponent), which the
/// caller computes with complex `**`.
public enum FloatPowerResult: Equatable, Sendable {
    case float(Double)
    case complex
}

/// Python 3.11's `float` arithmetic beyond what IEEE operations give
/// directly: division by zero errors, floor division and modulo with the
/// divisor's sign, and `**` with CPython's special cases.
public enum FloatMath {
    /// `a / b`.
    @inlinable
    public static func trueDivide(_ a: Double, _ b: Double) throws(NumberError) -> Double {
        if _slowPath(b == 0) { throw NumberError.zeroDivisionError("float division by zero") }
        return a / b
    }

    /// `a % b`: the remainder has the divisor's sign; a zero remainder is
    /// `copysign(0, b)`.
    @inlinable
    public static func modulo(_ a: Double, _ b: Double) throws(NumberError) -> Double {
        if _slowPath(b == 0) { throw NumberError.zeroDivisionError("float modulo") }
        var remainder = a.truncatingRemainder(dividingBy: b)
        if remainder != 0 {
            if (b < 0) != (remainder < 0) { remainder += b }
        } else {
            remainder = Double(signOf: b, magnitudeOf: 0)
        }
        return remainder
    }

    /// `a // b`.
    @inlinable
    public static func floorDivide(_ a: Double, _ b: Double) throws(NumberError) -> Double {
        if _slowPath(b == 0) { throw NumberError.zeroDivisionError("float floor division by zero") }
        return divmodUnchecked(a, b).quotient
    }

    /// `divmod(a, b)`.
    @inlinable
    public static func divmod(_ a: Double, _ b: Double) throws(NumberError) -> (quotient: Double, remainder: Double) {
        if _slowPath(b == 0) { throw NumberError.zeroDivisionError("float divmod()") }
        return divmodUnchecked(a, b)
    }

    /// CPython's `_float_div_mod`: the quotient is computed from the exact
    /// remainder so that `q * b + r` stays as close to `a` as possible.
    @inlinable
    static func divmodUnchecked(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var remainder = a.truncatingRemainder(dividingBy: b)
        var division = (a - remainder) / b
        if remainder != 0 {
            if (b < 0) != (remainder < 0) {
                remainder += b
                division -= 1
            }
        } else {
            remainder = Double(signOf: b, magnitudeOf: 0)
        }
        var quotient: Double
        if division != 0 {
            quotient = division.rounded(.down)
            if division - quotient > 0.5 { quotient += 1 }
        } else {
            quotient = Double(signOf: a / b, magnitudeOf: 0)
        }
        return (quotient, remainder)
    }

    /// `a ** b` (CPython's `float_pow`): the IEEE special cases sorted out by
    /// hand, then the platform `pow`. `0.0 ** negative` raises
    /// ZeroDivisionError; a result too large raises OverflowError
    /// "(34, 'Numerical result out of range')".
    public static func power(_ a: Double, _ b: Double) throws(NumberError) -> FloatPowerResult {
        if b == 0 { return .float(1) }
        if a.isNaN { return .float(a) }
        if b.isNaN { return .float(a == 1 ? 1 : b) }
        if b.isInfinite {
            let base = a.magnitude
            if base == 1 { return .float(1) }
            return .float((b > 0) == (base > 1) ? .infinity : 0)
        }
        if a.isInfinite {
            let odd = isOddInteger(b)
            if b > 0 { return .float(odd ? a : a.magnitude) }
            return .float(odd ? Double(signOf: a, magnitudeOf: 0) : 0)
        }
        if a == 0 {
            if b < 0 { throw NumberError.zeroDivisionError("0.0 cannot be raised to a negative power") }
            return .float(isOddInteger(b) ? a : 0)
        }
        var base = a
        var negate = false
        if a < 0 {
            if b != b.rounded(.down) { return .complex }
            base = -a
            negate = isOddInteger(b)
        }
        if base == 1 { return .float(negate ? -1 : 1) }
        var result = pow(base, b)
        if result.isInfinite { throw NumberError.rangeError }
        if negate { result = -result }
        return .float(result)
    }

    /// Whether `x` is an odd integer (false for non-integers and for values
    /// too large to be odd).
    @inlinable
    static func isOddInteger(_ x: Double) -> Bool {
        x.magnitude < 9007199254740992.0 && x.truncatingRemainder(dividingBy: 2).magnitude == 1
    }
}
