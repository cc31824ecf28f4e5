/// How long a thread waits for the GIL before it asks the holder to drop it:
/// `sys.getswitchinterval()` / `sys.setswitchinterval()`.
///
/// Kept, as in CPython, as a whole number of microseconds: the seconds that
/// `setswitchinterval` receives are multiplied by 10^6 and truncated, and
/// `getswitchinterval` returns that count times 10^-6, so
/// `setswitchinterval(1.5e-6)` reads back as `1e-06` and `setswitchinterval(1e-9)`
/// as `0.0`. A stored 0 still waits one microsecond.
public struct SwitchInterval: Sendable, Hashable {
    public let microseconds: UInt64

    public init(microseconds: UInt64) { self.microseconds = microseconds }

    /// CPython's default, 5 ms.
    public static let standard = SwitchInterval(microseconds: 5000)

    /// `sys.setswitchinterval(seconds)`'s conversion and validation.
    ///
    /// Values that do not fit the microsecond counter (infinity, NaN, more
    /// than about 1.8e13 s) are undefined behaviour in CPython's C cast; this
    /// reproduces what CPython 3.11 does on x86-64 Linux (where the oracle
    /// tests run): NaN reads back as 2^63 µs, infinity and values from
    /// 2^64 µs up as 0.
    public init(seconds: Double) throws(SwitchIntervalError) {
        guard !(seconds <= 0) else { throw .notStrictlyPositive }
        microseconds = SwitchInterval.truncatedToUnsigned(1e6 * seconds)
    }

    /// `sys.getswitchinterval()`.
    public var seconds: Double { 1e-6 * Double(microseconds) }

    /// What a waiting thread actually waits: at least one microsecond.
    var waitNanoseconds: UInt64 {
        let (nanoseconds, overflow) = max(microseconds, 1).multipliedReportingOverflow(by: 1000)
        return overflow ? UInt64.max : nanoseconds
    }

    /// The C conversion `(unsigned long)value` as x86-64 compilers emit it:
    /// below 2^63 a signed truncation, from 2^63 up a truncation of
    /// `value - 2^63` with the top bit flipped back; a truncation out of range
    /// (or of NaN) yields the "integer indefinite" 0x8000_0000_0000_0000.
    static func truncatedToUnsigned(_ value: Double) -> UInt64 {
        let twoToThe63 = 9_223_372_036_854_775_808.0
        func convertSigned(_ x: Double) -> UInt64 {
            if x.isNaN || x >= twoToThe63 || x < -twoToThe63 { return 0x8000_0000_0000_0000 }
            return UInt64(bitPattern: Int64(x))
        }
        if value >= twoToThe63 {
            return convertSigned(value - twoToThe63) ^ 0x8000_0000_0000_0000
        }
        return convertSigned(value)
    }
}

/// Why `sys.setswitchinterval` refused a value.
public enum SwitchIntervalError: Error, Sendable, Equatable {
    case notStrictlyPositive

    /// The Python exception class CPython raises.
    public var pythonExceptionName: String { "ValueError" }

    /// CPython's message, word for word.
    public var message: String { "switch interval must be strictly positive" }
}
