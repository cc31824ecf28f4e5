/// The `unicode_escape` and `raw_unicode_escape` codecs: Latin-1 text with
/// backslash escapes (`\n`, `\x41`, `\u20ac`, `\U0001f600`, `\N{name}`, and
/// for the raw form only `\u`/`\U` after an odd number of backslashes).
enum UnicodeEscapeCodec {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func encode(_ text: CodePoints, raw: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        func hex(_ value: UInt32, _ width: Int) {
            var shift = (width - 1) * 4
            while shift >= 0 {
                output.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
                shift -= 4
            }
        }
        for ch in text {
            if ch >= 0x10000 {
                output.append(0x5C); output.append(0x55); hex(ch, 8)
            } else if ch >= 0x100 {
                output.append(0x5C); output.append(0x75); hex(ch, 4)
            } else if raw {
                output.append(UInt8(ch))
            } else if ch == 0x5C {
                output.append(0x5C); output.append(0x5C)
            } else if ch == 0x09 {
                output.append(0x5C); output.append(0x74)
            } else if ch == 0x0A {
                output.append(0x5C); output.append(0x6E)
            } else if ch == 0x0D {
                output.append(0x5C); output.append(0x72)
            } else if ch < 0x20 || ch >= 0x7F {
                output.append(0x5C); output.append(0x78); hex(ch, 2)
            } else {
                output.append(UInt8(ch))
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Decodes; when not `final`, an escape cut off by the end of the input
    /// is left unconsumed (the incremental decoder's case).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, errors: CodecErrorHandler, raw: Bool,
                       final: Bool) throws -> (text: [UInt32], consumed: Int) {
        let encoding = raw ? "rawunicodeescape" : "unicodeescape"
        let context = CodecErrorContext(bytes, encoding: encoding, handler: errors)
        var output: [UInt32] = []
        output.reserveCapacity(bytes.count)
        let end = bytes.count
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte != 0x5C {
                output.append(UInt32(byte))
                index += 1
                continue
            }
            let start = index
            if raw {
                var run = index
                while run < end && bytes[run] == 0x5C {
                    output.append(0x5C)
                    run += 1
                }
                index = run
                guard (run - start) & 1 == 1, run < end, bytes[run] == 0x75 || bytes[run] == 0x55 else {
                    if !final && run == end && (run - start) & 1 == 1 {
                        output.removeLast()
                        return (output, run - 1)
                    }
                    continue
                }
                output.removeLast()
                let escapeStart = run - 1
                let width = bytes[run] == 0x75 ? 4 : 8
                index = run + 1
                var value: UInt32 = 0
                var digits = 0
                while digits < width && index < end, let digit = hexValue(bytes[index]) {
                    value = value << 4 | digit
                    digits += 1
                    index += 1
                }
                if digits < width {
                    if !final && index == end { return (output, escapeStart) }
                    index = try context.handle(escapeStart, index,
                                               width == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape",
                                               output: &output)
                } else if value > 0x10FFFF {
                    index = try context.handle(escapeStart, index, "\\Uxxxxxxxx out of range", output: &output)
                } else {
                    output.append(value)
                }
                continue
            }
            index += 1
            guard index < end else {
                if !final { return (output, start) }
                index = try context.handle(start, end, "\\ at end of string", output: &output)
                continue
            }
            let escape = bytes[index]
            index += 1
            switch escape {
            case 0x0A: break
            case 0x5C: output.append(0x5C)
            case 0x27: output.append(0x27)
            case 0x22: output.append(0x22)
            case 0x62: output.append(0x08)
            case 0x66: output.append(0x0C)
            case 0x74: output.append(0x09)
            case 0x6E: output.append(0x0A)
            case 0x72: output.append(0x0D)
            case 0x76: output.append(0x0B)
            case 0x61: output.append(0x07)
            case 0x30...0x37:
                var value = UInt32(escape - 0x30)
                var count = 1
                while count < 3 && index < end && bytes[index] >= 0x30 && bytes[index] <= 0x37 {
                    value = value * 8 + UInt32(bytes[index] - 0x30)
                    index += 1
                    count += 1
                }
                output.append(value)
            case 0x78, 0x75, 0x55:
                let width = escape == 0x78 ? 2 : escape == 0x75 ? 4 : 8
                var value: UInt32 = 0
                var digits = 0
                while digits < width && index < end, let digit = hexValue(bytes[index]) {
                    value = value << 4 | digit
                    digits += 1
                    index += 1
                }
                if digits < width {
                    if !final && index == end { return (output, start) }
                    let reason = width == 2 ? "truncated \\xXX escape" : width == 4 ? "truncated \\uXXXX escape"
                                                                                   : "truncated \\UXXXXXXXX escape"
                    index = try context.handle(start, index, reason, output: &output)
                } else if value > 0x10FFFF {
                    index = try context.handle(start, index, "illegal Unicode character", output: &output)
                } else {
                    output.append(value)
                }
            case 0x4E:
                // \N{name}
                guard index < end, bytes[index] == 0x7B else {
                    if !final && index == end { return (output, start) }
                    index = try context.handle(start, index, "malformed \\N character escape", output: &output)
                    continue
                }
                var close = index + 1
                while close < end && bytes[close] != 0x7D { close += 1 }
                guard close < end, close > index + 1 else {
                    if !final && close == end { return (output, start) }
                    index = try context.handle(start, close < end ? close + 1 : end, "malformed \\N character escape",
                                               output: &output)
                    continue
                }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self)
                index = close + 1
                if let value = CharacterNames.codePoint(named: name) {
                    output.append(value)
                } else {
                    index = try context.handle(start, index, "unknown Unicode character name", output: &output)
                }
            default:
                // Unknown escapes are kept as they are (CPython warns).
                output.append(0x5C)
                output.append(UInt32(escape))
            }
        }
        return (output, end)
    }
}
