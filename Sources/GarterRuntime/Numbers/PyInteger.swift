import BigInt

/// A Python `int` as a value: a machine word when it fits, else a `BigInt`.
///
/// Invariant: `.big` never holds a value that fits in `Int`, so every integer
/// has exactly one representation (`PyInteger(_: BigInt)` normalises). This
/// mirrors `Value`, where fitting ints are `.int` and the rest are `PyLong`s.
///
/// The operations (`PyInteger+Arithmetic.swift`, `+Division`, `+Power`,
/// `+Bitwise`, ...) come in two flavours: `@inlinable` ones on two `Int`s for
/// the evaluation loop, which stay in registers unless the result overflows a
/// word, and general ones on `PyInteger`s.
@frozen
public enum PyInteger: Hashable, Sendable {
    case small(Int)
    case big(BigInt)

    @inlinable @inline(__always)
    public init(_ value: Int) { self = .small(value) }

    /// The normal form of `value`: `.small` when it fits a word.
    public init(_ value: BigInt) {
        let magnitude = value.magnitude
        if magnitude.bitWidth <= 63 {
            let word = magnitude.isZero ? 0 : Int(bitPattern: UInt(magnitude.words[0]))
            self = .small(value.sign == .minus ? -word : word)
        } else if value.sign == .minus, magnitude.bitWidth == 64,
                  magnitude.words[0] == UInt(bitPattern: Int.min) {
            self = .small(.min)
        } else {
            self = .big(value)
        }
    }

    /// The normal form of a sign and magnitude.
    public init(negative: Bool, magnitude: BigUInt) {
        self.init(BigInt(sign: negative && !magnitude.isZero ? .minus : .plus, magnitude: magnitude))
    }

    /// The value as a `BigInt` (allocation-free for small values).
    public var bigValue: BigInt {
        switch self {
        case .small(let value): return BigInt(value)
        case .big(let value): return value
        }
    }

    /// The value when it fits a word.
    @inlinable
    public var smallValue: Int? {
        if case .small(let value) = self { return value }
        return nil
    }

    @inlinable
    public var isZero: Bool {
        if case .small(let value) = self { return value == 0 }
        return false
    }

    @inlinable
    public var isNegative: Bool {
        switch self {
        case .small(let value): return value < 0
        case .big(let value): return value.sign == .minus
        }
    }

    /// -1, 0 or 1.
    @inlinable
    public var signum: Int {
        switch self {
        case .small(let value): return value.signum()
        case .big(let value): return value.sign == .minus ? -1 : 1
        }
    }

    /// `abs(self)` as an unsigned big integer.
    public var magnitude: BigUInt {
        switch self {
        case .small(let value): return BigUInt(value.magnitude)
        case .big(let value): return value.magnitude
        }
    }

    /// The value as an `Int` clamped to `Int`'s range (as CPython's
    /// `PyNumber_AsSsize_t(x, NULL)` clamps to `Py_ssize_t`).
    public var clampedToInt: Int {
        switch self {
        case .small(let value): return value
        case .big(let value): return value.sign == .minus ? .min : .max
        }
    }

    /// The value as a `Double` the way Python converts: correctly rounded,
    /// `OverflowError` "int too large to convert to float" beyond the range.
    public func toDouble() throws(NumberError) -> Double {
        switch self {
        case .small(let value): return Double(value)
        case .big(let value):
            guard let result = FloatConversion.double(negative: value.sign == .minus,
                                                      magnitude: value.magnitude) else {
                throw NumberError.intTooLargeForFloat
            }
            return result
        }
    }
}

extension PyInteger: Comparable {
    @inlinable
    public static func < (a: PyInteger, b: PyInteger) -> Bool {
        if case .small(let x) = a, case .small(let y) = b { return x < y }
        return compareSlow(a, b) < 0
    }

    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    @inlinable
    public static func compare(_ a: PyInteger, _ b: PyInteger) -> Int {
        if case .small(let x) = a, case .small(let y) = b { return x < y ? -1 : (x == y ? 0 : 1) }
        return compareSlow(a, b)
    }

    @usableFromInline
    static func compareSlow(_ a: PyInteger, _ b: PyInteger) -> Int {
        switch (a, b) {
        case (.small(let x), .small(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        // A big value lies outside Int's range, so its sign decides.
        case (.small, .big(let y)): return y.sign == .minus ? 1 : -1
        case (.big(let x), .small): return x.sign == .minus ? -1 : 1
        case (.big(let x), .big(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        }
    }
}

extension PyInteger: CustomStringConvertible {
    /// Decimal text with no digit limit (for debugging and tests; `str(int)`
    /// is `toDecimalString(maxDigits:)`).
    public var description: String {
        switch self {
        case .small(let value): return String(value)
        case .big(let value): return IntegerText.decimalDigits(of: value.magnitude, negative: value.sign == .minus)
        }
    }
}

extension PyInteger: ExpressibleByIntegerLiteral {
    @inlinable
    public init(integerLiteral value: Int) { self = .small(value) }
}
