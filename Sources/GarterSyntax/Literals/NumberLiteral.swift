import BigInt

/// Values of NUMBER tokens. The lexer has already checked the syntax, so the
/// text here is one of: a decimal, hex (`0x`), octal (`0o`) or binary (`0b`)
/// integer, a float, or either followed by `j` (imaginary), with underscores
/// between digits.
public enum NumberLiteral {
    /// Python 3.11 refuses to convert decimal strings of more than 4300 digits
    /// to int (`sys.get_int_max_str_digits()`), literals included.
    public static let maxDecimalDigits = 4300

    public enum ConversionError: Error, Equatable, Sendable {
        /// A decimal integer literal with `digitCount` digits (more than 4300).
        case tooManyDigits(digitCount: Int)

        /// The message of CPython's SyntaxError for this literal.
        public var message: String {
            switch self {
            case .tooManyDigits(let digitCount):
                return "Exceeds the limit (\(NumberLiteral.maxDecimalDigits) digits) for integer string conversion: "
                    + "value has \(digitCount) digits; use sys.set_int_max_str_digits() to increase the limit"
                    + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits."
            }
        }
    }

    /// The value of a NUMBER token, with CPython's SyntaxError for a decimal
    /// literal that is too long (at the token's line, offsets 0 as CPython has them).
    public static func value(of token: Token, in source: SourceBuffer) throws(SyntaxError) -> Constant {
        do {
            return try source.bytes.withUnsafeBufferPointer { bytes throws(ConversionError) in
                try value(UnsafeBufferPointer(rebasing: bytes[Int(token.startOffset)..<Int(token.endOffset)]))
            }
        } catch {
            throw SyntaxError(.syntaxError, error.message, filename: source.filename,
                              lineno: Int(token.line), offset: 0, endLineno: Int(token.endLine), endOffset: 0,
                              text: source.lineWithEnding(Int(token.line)))
        }
    }

    /// The value of a NUMBER token's text: `.int` when it fits, else `.bigInt`;
    /// `.float`, correctly rounded; `.imaginary` for a `j` suffix.
    public static func value(_ text: UnsafeBufferPointer<UInt8>) throws(ConversionError) -> Constant {
        guard let last = text.last else { return .int(0) }
        if last | 0x20 == UInt8(ascii: "j") {
            return .imaginary(parseFloat(UnsafeBufferPointer(rebasing: text.dropLast())))
        }
        if text.count > 2 && text[0] == UInt8(ascii: "0") {
            switch text[1] | 0x20 {
            case UInt8(ascii: "x"): return integer(UnsafeBufferPointer(rebasing: text.dropFirst(2)), radix: 16)
            case UInt8(ascii: "o"): return integer(UnsafeBufferPointer(rebasing: text.dropFirst(2)), radix: 8)
            case UInt8(ascii: "b"): return integer(UnsafeBufferPointer(rebasing: text.dropFirst(2)), radix: 2)
            default: break
            }
        }
        if text.contains(where: { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }) {
            return .float(parseFloat(text))
        }
        let digitCount = text.reduce(0) { $0 + ($1 == UInt8(ascii: "_") ? 0 : 1) }
        if digitCount > maxDecimalDigits {
            throw .tooManyDigits(digitCount: digitCount)
        }
        return integer(text, radix: 10)
    }

    public static func value(_ text: ArraySlice<UInt8>) throws(ConversionError) -> Constant {
        try text.withUnsafeBufferPointer { buffer throws(ConversionError) in try value(buffer) }
    }

    /// Digits (and underscores) in `radix`; machine arithmetic until it would overflow.
    private static func integer(_ digits: UnsafeBufferPointer<UInt8>, radix: Int) -> Constant {
        var value = 0
        for byte in digits where byte != UInt8(ascii: "_") {
            let digit = Int(byte <= UInt8(ascii: "9") ? byte &- UInt8(ascii: "0") : (byte | 0x20) &- UInt8(ascii: "a") &+ 10)
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 {
                let text = String(decoding: digits.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
                return .bigInt(BigInt(text, radix: radix)!)
            }
            value = sum
        }
        return .int(value)
    }

    /// The float nearest to the decimal text, as `float()` gives it (via
    /// strtod, so correctly rounded; `1e400` is inf).
    private static func parseFloat(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        let cleaned = String(decoding: text.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        return Double(cleaned) ?? .nan
    }
}
