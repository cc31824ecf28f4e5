/// The escapes of non-raw str literals (CPython's unicode-escape codec as the
/// parser applies it in `decode_unicode_with_escapes`).
///
/// CPython first rewrites the body to ASCII: each non-ASCII character becomes
/// a 10-character `\UXXXXXXXX` escape, and a backslash before a non-ASCII
/// character (or at the very end) becomes the 6-character `\u005c`. Error
/// messages give positions in that rewritten text, so we count `position`
/// the same way while decoding the UTF-8 directly.
enum UnicodeEscapeDecoder {
    private static let rewrittenNonASCIILength = 10
    private static let rewrittenBackslashLength = 6

    static func decode(_ text: UnsafeBufferPointer<UInt8>, warnings: inout [String]) throws(StringLiteral.EscapeError) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count)
        guard let base = text.baseAddress else { return result }
        let count = text.count
        var index = 0
        var position = 0
        var firstInvalidEscape: String? = nil

        while index < count {
            let byte = base[index]
            if byte >= 0x80 {
                let (value, length) = UTF8Decoding.multiByteScalar(in: base, at: index, limit: count)
                result.append(value)
                index += length
                position += rewrittenNonASCIILength
                continue
            }
            if byte != UInt8(ascii: "\\") {
                if byte == UInt8(ascii: "\r") {
                    // Source line endings read as "\n" (CPython translates them before parsing).
                    result.append(UInt32(UInt8(ascii: "\n")))
                    index += index + 1 < count && base[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                } else {
                    result.append(UInt32(byte))
                    index += 1
                }
                position += 1
                continue
            }

            // A backslash.
            if index + 1 == count || base[index + 1] >= 0x80 {
                result.append(UInt32(UInt8(ascii: "\\")))
                index += 1
                position += rewrittenBackslashLength
                continue
            }
            let start = position
            let escape = base[index + 1]
            index += 2
            position += 2
            switch escape {
            case UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\r"):
                if index < count && base[index] == UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                result.append(UInt32(escape))
            case UInt8(ascii: "a"): result.append(0x07)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "v"): result.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(escape - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3 && index < count && base[index] &- UInt8(ascii: "0") < 8 {
                    value = value << 3 + UInt32(base[index] - UInt8(ascii: "0"))
                    index += 1
                    position += 1
                    digits += 1
                }
                if value > 0o377 && firstInvalidEscape == nil {
                    firstInvalidEscape = EscapeWarnings.invalidOctal(base + index - 3)
                }
                result.append(value)
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let (digitCount, message): (Int, String) =
                    escape == UInt8(ascii: "x") ? (2, "truncated \\xXX escape")
                    : escape == UInt8(ascii: "u") ? (4, "truncated \\uXXXX escape")
                    : (8, "truncated \\UXXXXXXXX escape")
                var value: UInt32 = 0
                for _ in 0..<digitCount {
                    guard index < count, let digit = hexValue(base[index]) else {
                        throw error(message, start: start, end: position)
                    }
                    value = value << 4 | digit
                    index += 1
                    position += 1
                }
                if value > 0x10FFFF {
                    throw error("illegal Unicode character", start: start, end: position)
                }
                result.append(value)
            case UInt8(ascii: "N"):
                result.append(try decodeNamedEscape(base, count, &index, &position, start: start))
            default:
                if firstInvalidEscape == nil {
                    firstInvalidEscape = EscapeWarnings.invalidEscape(escape)
                }
                result.append(UInt32(UInt8(ascii: "\\")))
                result.append(UInt32(escape))
            }
        }
        if let firstInvalidEscape { warnings.append(firstInvalidEscape) }
        return result
    }

    /// `\N{NAME}`, with `index` just after the `N`.
    private static func decodeNamedEscape(_ base: UnsafePointer<UInt8>, _ count: Int, _ index: inout Int,
                                          _ position: inout Int, start: Int) throws(StringLiteral.EscapeError) -> UInt32 {
        let malformed = "malformed \\N character escape"
        guard index < count, base[index] == UInt8(ascii: "{") else {
            throw error(malformed, start: start, end: position)
        }
        index += 1
        position += 1
        let nameStart = index
        var isASCII = true
        while index < count && base[index] != UInt8(ascii: "}") {
            if base[index] >= 0x80 {
                isASCII = false
                index += UTF8Decoding.multiByteScalar(in: base, at: index, limit: count).length
                position += rewrittenNonASCIILength
            } else {
                index += 1
                position += 1
            }
        }
        guard index < count, index > nameStart else {
            throw error(malformed, start: start, end: position)
        }
        let name = String(decoding: UnsafeBufferPointer(start: base + nameStart, count: index - nameStart), as: UTF8.self)
        index += 1
        position += 1
        // CPython looks up the rewritten (ASCII) name: a non-ASCII character
        // in it can never match.
        guard isASCII, let value = UnicodeNames.scalar(named: name) else {
            throw error("unknown Unicode character name", start: start, end: position)
        }
        return value
    }

    /// The codec's error, with `end` exclusive (the message shows it inclusive).
    private static func error(_ reason: String, start: Int, end: Int) -> StringLiteral.EscapeError {
        StringLiteral.EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes "
                                  + "in position \(start)-\(end - 1): \(reason)")
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt32? {
        if byte &- UInt8(ascii: "0") < 10 { return UInt32(byte - UInt8(ascii: "0")) }
        let lower = byte | 0x20
        if lower &- UInt8(ascii: "a") < 6 { return UInt32(lower - UInt8(ascii: "a") + 10) }
        return nil
    }
}

/// The DeprecationWarning messages for invalid escapes (Python 3.11).
enum EscapeWarnings {
    static func invalidEscape(_ byte: UInt8) -> String {
        "invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))'"
    }

    /// An octal escape above `\377`; `digits` points at its three digits.
    static func invalidOctal(_ digits: UnsafePointer<UInt8>) -> String {
        "invalid octal escape sequence '\\\(String(decoding: UnsafeBufferPointer(start: digits, count: 3), as: UTF8.self))'"
    }
}
