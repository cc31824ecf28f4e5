#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A complex number as Python's `complex` computes with it: the operations
/// follow CPython 3.11's `_Py_c_*` functions step by step (naive products,
/// Smith's division, `**` by repeated squaring for small integral
/// exponents), because the results differ in the last bit and in which
/// infinities and NaNs come out otherwise.
public struct ComplexNumber: Equatable, Sendable {
    public var real: Double
    public var imag: Double

    @inlinable
    public init(real: Double, imag: Double) {
        self.real = real
        self.imag = imag
    }

    public static let one = ComplexNumber(real: 1, imag: 0)

    public static func + (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
        ComplexNumber(real: a.real + b.real, imag: a.imag + b.imag)
    }

    public static func - (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
        ComplexNumber(real: a.real - b.real, imag: a.imag - b.imag)
    }

    public static func * (a: ComplexNumber, b: ComplexNumber) -> ComplexNumber {
        ComplexNumber(real: a.real * b.real - a.imag * b.imag, imag: a.real * b.imag + a.imag * b.real)
    }

    public static prefix func - (a: ComplexNumber) -> ComplexNumber {
        ComplexNumber(real: -a.real, imag: -a.imag)
    }

    /// `a / b`: ZeroDivisionError "complex division by zero".
    public static func divide(_ a: ComplexNumber, _ b: ComplexNumber) throws(NumberError) -> ComplexNumber {
        guard let quotient = quotient(a, b) else { throw NumberError.zeroDivisionError("complex division by zero") }
        return quotient
    }

    /// Smith's algorithm (CPython's `_Py_c_quot`); nil for a zero divisor.
    static func quotient(_ a: ComplexNumber, _ b: ComplexNumber) -> ComplexNumber? {
        let absReal = b.real.magnitude
        let absImag = b.imag.magnitude
        if absReal >= absImag {
            if absReal == 0 { return nil }
            let ratio = b.imag / b.real
            let denominator = b.real + b.imag * ratio
            return ComplexNumber(real: (a.real + a.imag * ratio) / denominator,
                                 imag: (a.imag - a.real * ratio) / denominator)
        }
        if absImag >= absReal {
            let ratio = b.real / b.imag
            let denominator = b.real * ratio + b.imag
            return ComplexNumber(real: (a.real * ratio + a.imag) / denominator,
                                 imag: (a.imag * ratio - a.real) / denominator)
        }
        // A NaN in the divisor.
        return ComplexNumber(real: .nan, imag: .nan)
    }

    /// `abs(z)`: OverflowError "absolute value too large" when finite parts
    /// give an infinite modulus.
    public var absolute: Double {
        get throws(NumberError) {
            if real.isInfinite || imag.isInfinite { return .infinity }
            if real.isNaN || imag.isNaN { return .nan }
            let result = hypot(real, imag)
            if !result.isFinite { throw NumberError.overflowError("absolute value too large") }
            return result
        }
    }

    /// `a ** b` (CPython's `complex_pow`, without a modulus).
    public static func power(_ a: ComplexNumber, _ b: ComplexNumber) throws(NumberError) -> ComplexNumber {
        var domainError = false
        let result: ComplexNumber
        if b.imag == 0, b.real == b.real.rounded(.down), b.real.magnitude <= 100 {
            let n = Int(b.real)
            if n > 0 {
                result = unsignedPower(a, n)
            } else if let inverse = quotient(.one, unsignedPower(a, -n)) {
                result = inverse
            } else {
                domainError = true
                result = ComplexNumber(real: 0, imag: 0)
            }
        } else {
            result = generalPower(a, b, domainError: &domainError)
        }
        if domainError { throw NumberError.zeroDivisionError("0.0 to a negative or complex power") }
        // CPython's _Py_ADJUST_ERANGE2 turns an infinite part into ERANGE
        // and clears ERANGE from libm for any other result.
        if result.real.isInfinite || result.imag.isInfinite {
            throw NumberError.overflowError("complex exponentiation")
        }
        return result
    }

    /// Repeated squaring, as CPython's `c_powu` (the order of the products
    /// decides which NaNs appear).
    static func unsignedPower(_ x: ComplexNumber, _ n: Int) -> ComplexNumber {
        var result = ComplexNumber.one
        var power = x
        var mask = 1
        while mask > 0 && n >= mask {
            if n & mask != 0 { result = result * power }
            mask <<= 1
            power = power * power
        }
        return result
    }

    /// CPython's `_Py_c_pow` through polar form.
    static func generalPower(_ a: ComplexNumber, _ b: ComplexNumber, domainError: inout Bool) -> ComplexNumber {
        if b.real == 0 && b.imag == 0 { return .one }
        if a.real == 0 && a.imag == 0 {
            if b.imag != 0 || b.real < 0 { domainError = true }
            return ComplexNumber(real: 0, imag: 0)
        }
        let modulus = hypot(a.real, a.imag)
        var length = pow(modulus, b.real)
        let angle = atan2(a.imag, a.real)
        var phase = angle * b.real
        if b.imag != 0 {
            length /= exp(angle * b.imag)
            phase += b.imag * log(modulus)
        }
        // cos and sin of an infinite angle set errno to EDOM, which CPython
        // reports as this ZeroDivisionError.
        if phase.isInfinite { domainError = true }
        return ComplexNumber(real: length * cos(phase), imag: length * sin(phase))
    }

    /// `hash(z)`: the parts' hashes combined as CPython does. `identityHash`
    /// stands for a NaN part (hashed by object identity since 3.10).
    public func hash(identityHash: Int) -> Int {
        let realHash = UInt(bitPattern: NumberHash.hash(real, identityHash: identityHash))
        let imagHash = UInt(bitPattern: NumberHash.hash(imag, identityHash: identityHash))
        var combined = Int(bitPattern: realHash &+ 1_000_003 &* imagHash)
        if combined == -1 { combined = -2 }
        return combined
    }
}
