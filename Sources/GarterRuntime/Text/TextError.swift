/// An error raised by a text operation, standing for the Python exception the
/// `str` type must raise. The message is exactly CPython 3.11's.
public enum TextError: Error, Equatable, Sendable {
    case valueError(String)
    case typeError(String)
    case indexError(String)
    case overflowError(String)
    case keyError(String)
    /// `MemoryError` (a result too large to build).
    case memoryError
    /// `LookupError`, e.g. "unknown error handler name 'x'".
    case lookupError(String)
    case unicodeEncodeError(UnicodeEncodeFailure)
    case unicodeDecodeError(UnicodeDecodeFailure)

    /// The name of the Python exception class.
    public var pythonType: String {
        switch self {
        case .valueError: return "ValueError"
        case .typeError: return "TypeError"
        case .indexError: return "IndexError"
        case .overflowError: return "OverflowError"
        case .keyError: return "KeyError"
        case .memoryError: return "MemoryError"
        case .lookupError: return "LookupError"
        case .unicodeEncodeError: return "UnicodeEncodeError"
        case .unicodeDecodeError: return "UnicodeDecodeError"
        }
    }

    /// `str(exception)` as CPython prints it.
    public var message: String {
        switch self {
        case .valueError(let message), .typeError(let message), .indexError(let message),
             .overflowError(let message), .keyError(let message), .lookupError(let message):
            return message
        case .memoryError: return ""
        case .unicodeEncodeError(let failure): return failure.message
        case .unicodeDecodeError(let failure): return failure.message
        }
    }
}

/// The attributes of a `UnicodeEncodeError`: `object[start..<end]` could not be
/// encoded.
public struct UnicodeEncodeFailure: Equatable, Sendable {
    public var encoding: String
    public var object: [UInt32]
    public var start: Int
    public var end: Int
    public var reason: String

    public init(encoding: String, object: [UInt32], start: Int, end: Int, reason: String) {
        self.encoding = encoding
        self.object = object
        self.start = start
        self.end = end
        self.reason = reason
    }

    /// `str(UnicodeEncodeError)`.
    public var message: String {
        if start < object.count && end == start + 1 {
            let value = object[start]
            let digits: String
            if value <= 0xFF {
                digits = "\\x" + lowercaseHex(value, width: 2)
            } else if value <= 0xFFFF {
                digits = "\\u" + lowercaseHex(value, width: 4)
            } else {
                digits = "\\U" + lowercaseHex(value, width: 8)
            }
            return "'\(encoding)' codec can't encode character '\(digits)' in position \(start): \(reason)"
        }
        return "'\(encoding)' codec can't encode characters in position \(start)-\(end - 1): \(reason)"
    }
}

/// The attributes of a `UnicodeDecodeError`: `object[start..<end]` could not be
/// decoded.
public struct UnicodeDecodeFailure: Equatable, Sendable {
    public var encoding: String
    public var object: [UInt8]
    public var start: Int
    public var end: Int
    public var reason: String

    public init(encoding: String, object: [UInt8], start: Int, end: Int, reason: String) {
        self.encoding = encoding
        self.object = object
        self.start = start
        self.end = end
        self.reason = reason
    }

    /// `str(UnicodeDecodeError)`.
    public var message: String {
        if start < object.count && end == start + 1 {
            return "'\(encoding)' codec can't decode byte 0x\(lowercaseHex(UInt32(object[start]), width: 2)) in position \(start): \(reason)"
        }
        return "'\(encoding)' codec can't decode bytes in position \(start)-\(end - 1): \(reason)"
    }
}

/// Lower-case hexadecimal digits, zero-padded to `width`.
func lowercaseHex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
