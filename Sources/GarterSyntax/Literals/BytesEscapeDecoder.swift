/// The escapes of non-raw bytes literals (CPython's `_PyBytes_DecodeEscape`).
/// The body is ASCII (checked before). Unlike str, bytes have no `\N`, `\u`
/// or `\U` escapes, and octal escapes keep only the low 8 bits.
enum BytesEscapeDecoder {
    static func decode(_ text: UnsafeBufferPointer<UInt8>, warnings: inout [String]) throws(StringLiteral.EscapeError) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        guard let base = text.baseAddress else { return result }
        let count = text.count
        var index = 0
        // Offsets in the body as CPython sees it, with `\r\n` read as one `\n`.
        var position = 0
        var firstInvalidEscape: String? = nil

        while index < count {
            let byte = base[index]
            if byte != UInt8(ascii: "\\") {
                if byte == UInt8(ascii: "\r") {
                    result.append(UInt8(ascii: "\n"))
                    index += index + 1 < count && base[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                } else {
                    result.append(byte)
                    index += 1
                }
                position += 1
                continue
            }
            let backslashPosition = position
            guard index + 1 < count else {
                throw StringLiteral.EscapeError(message: "(value error) Trailing \\ in string")
            }
            let escape = base[index + 1]
            index += 2
            position += 2
            switch escape {
            case UInt8(ascii: "\n"):
                break
            case UInt8(ascii: "\r"):
                if index < count && base[index] == UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                result.append(escape)
            case UInt8(ascii: "a"): result.append(0x07)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "v"): result.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escape - UInt8(ascii: "0"))
                var digits = 1
                while digits < 3 && index < count && base[index] &- UInt8(ascii: "0") < 8 {
                    value = value << 3 + Int(base[index] - UInt8(ascii: "0"))
                    index += 1
                    position += 1
                    digits += 1
                }
                if value > 0o377 && firstInvalidEscape == nil {
                    firstInvalidEscape = EscapeWarnings.invalidOctal(base + index - 3)
                }
                result.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "x"):
                guard index + 1 < count, let high = hexValue(base[index]), let low = hexValue(base[index + 1]) else {
                    let message = "(value error) invalid \\x escape at position \(backslashPosition)"
                    throw StringLiteral.EscapeError(message: message)
                }
                result.append(high << 4 | low)
                index += 2
                position += 2
            default:
                if firstInvalidEscape == nil {
                    firstInvalidEscape = EscapeWarnings.invalidEscape(escape)
                }
                // The backslash stays, and the next character is read as itself.
                result.append(UInt8(ascii: "\\"))
                index -= 1
                position -= 1
            }
        }
        if let firstInvalidEscape { warnings.append(firstInvalidEscape) }
        return result
    }

    /// A raw bytes body, with line endings read as `\n`.
    static func rawBytes(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard text.contains(UInt8(ascii: "\r")) else { return Array(text) }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == UInt8(ascii: "\r") {
                result.append(UInt8(ascii: "\n"))
                index += index + 1 < text.count && text[index + 1] == UInt8(ascii: "\n") ? 2 : 1
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        if byte &- UInt8(ascii: "0") < 10 { return byte - UInt8(ascii: "0") }
        let lower = byte | 0x20
        if lower &- UInt8(ascii: "a") < 6 { return lower - UInt8(ascii: "a") + 10 }
        return nil
    }
}
