/// An error raised by a numeric operation, standing for the Python exception
/// that `int` or `float` must raise. Messages are exactly CPython 3.11's.
public enum NumberError: Error, Equatable, Sendable {
    case zeroDivisionError(String)
    case overflowError(String)
    case valueError(String)
    case typeError(String)
    /// `MemoryError` with no message: a result too large to build (CPython
    /// raises it when the allocation fails; Garter refuses before trying).
    case memoryError

    /// The name of the Python exception class.
    public var pythonType: String {
        switch self {
        case .zeroDivisionError: return "ZeroDivisionError"
        case .overflowError: return "OverflowError"
        case .valueError: return "ValueError"
        case .typeError: return "TypeError"
        case .memoryError: return "MemoryError"
        }
    }

    /// `str(exception)` as CPython prints it.
    public var message: String {
        switch self {
        case .zeroDivisionError(let message), .overflowError(let message),
             .valueError(let message), .typeError(let message):
            return message
        case .memoryError:
            return ""
        }
    }
}

extension NumberError {
    /// `OverflowError` as `PyErr_SetFromErrno(ERANGE)` makes it on Linux.
    static let rangeError = NumberError.overflowError("(34, 'Numerical result out of range')")
    static let intTooLargeForFloat = NumberError.overflowError("int too large to convert to float")
}

/// Size limits that stand in for CPython running out of memory: Swift cannot
/// recover from a failed allocation, so results beyond these raise
/// `MemoryError` before anything is allocated.
public enum NumberLimits {
    /// The largest integer result, in bits (4 GiB of magnitude).
    public static let maxIntegerBits = 1 << 35
    /// The largest formatted text, in characters (width or precision).
    public static let maxFormattedLength = 1 << 31
}
