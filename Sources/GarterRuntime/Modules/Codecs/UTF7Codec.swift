/// UTF-7 (RFC 2152) as CPython writes and reads it: ASCII printable
/// characters and whitespace are written directly, `+` as `+-`, the rest
/// as modified base64 of UTF-16 units between `+` and (when needed) `-`.
enum UTF7Codec {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Per ASCII character: 0 direct, 1 optional direct (set O), 2
    /// whitespace, 3 must be base64-encoded.
    private static let category: [UInt8] = {
        var table = [UInt8](repeating: 3, count: 128)
        for c in Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:?".utf8) { table[Int(c)] = 0 }
        for c in Array("!\"#$%&*;<=>@[]^_`{|}".utf8) { table[Int(c)] = 1 }
        for c in [0x20, 0x09, 0x0A, 0x0D] { table[c] = 2 }
        return table
    }()

    private static func isDirect(_ ch: UInt32) -> Bool {
        ch > 0 && ch < 128 && category[Int(ch)] != 3
    }

    private static func isBase64(_ ch: UInt32) -> Bool {
        (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x61 && ch <= 0x7A) || (ch >= 0x30 && ch <= 0x39) || ch == 0x2B || ch == 0x2F
    }

    private static func fromBase64(_ ch: UInt32) -> UInt64 {
        switch ch {
        case 0x41...0x5A: return UInt64(ch - 0x41)
        case 0x61...0x7A: return UInt64(ch - 0x61 + 26)
        case 0x30...0x39: return UInt64(ch - 0x30 + 52)
        case 0x2B: return 62
        default: return 63
        }
    }

    static func encode(_ text: CodePoints, errors: CodecErrorHandler) throws -> [UInt8] {
        var output: [UInt8] = []
        var inShift = false
        var bits = 0
        var buffer: UInt64 = 0
        func emitUnit(_ unit: UInt32) {
            bits += 16
            buffer = (buffer << 16) | UInt64(unit)
            while bits >= 6 {
                output.append(alphabet[Int((buffer >> UInt64(bits - 6)) & 0x3F)])
                bits -= 6
            }
            buffer &= (1 << UInt64(bits)) - 1
        }
        func encodeChar(_ ch: UInt32) {
            if ch >= 0x10000 {
                emitUnit(0xD800 | ((ch - 0x10000) >> 10))
                emitUnit(0xDC00 | ((ch - 0x10000) & 0x3FF))
            } else {
                emitUnit(ch)
            }
        }
        for ch in text {
            if inShift {
                if isDirect(ch) {
                    if bits > 0 {
                        output.append(alphabet[Int((buffer << UInt64(6 - bits)) & 0x3F)])
                        buffer = 0
                        bits = 0
                    }
                    inShift = false
                    if isBase64(ch) || ch == 0x2D { output.append(0x2D) }
                    output.append(UInt8(ch))
                } else {
                    encodeChar(ch)
                }
            } else if ch == 0x2B {
                output.append(0x2B)
                output.append(0x2D)
            } else if isDirect(ch) {
                output.append(UInt8(ch))
            } else {
                output.append(0x2B)
                inShift = true
                encodeChar(ch)
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt64(6 - bits)) & 0x3F)]) }
        if inShift { output.append(0x2D) }
        return output
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, errors: CodecErrorHandler,
                       final: Bool) throws -> (text: [UInt32], consumed: Int) {
        var output: [UInt32] = []
        let context = CodecErrorContext(bytes, encoding: "utf7", handler: errors)
        var index = 0
        var inShift = false
        var bits = 0
        var buffer: UInt64 = 0
        var surrogate: UInt32 = 0
        var shiftStart = 0
        var shiftOutputStart = 0
        let end = bytes.count
        while true {
            while index < end {
                let ch = UInt32(bytes[index])
                var failure: (start: Int, reason: String)?
                if inShift {
                    if isBase64(ch) {
                        buffer = (buffer << 6) | fromBase64(ch)
                        bits += 6
                        index += 1
                        if bits >= 16 {
                            let unit = UInt32((buffer >> UInt64(bits - 16)) & 0xFFFF)
                            bits -= 16
                            buffer &= (1 << UInt64(bits)) - 1
                            if surrogate != 0 {
                                if unit >= 0xDC00 && unit <= 0xDFFF {
                                    output.append(0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00))
                                    surrogate = 0
                                    continue
                                }
                                output.append(surrogate)
                                surrogate = 0
                            }
                            if unit >= 0xD800 && unit <= 0xDBFF {
                                surrogate = unit
                            } else {
                                output.append(unit)
                            }
                        }
                        continue
                    }
                    inShift = false
                    if bits >= 6 {
                        index += 1
                        failure = (shiftStart, "partial character in shift sequence")
                    } else if bits > 0 && buffer != 0 {
                        index += 1
                        failure = (shiftStart, "non-zero padding bits in shift sequence")
                    } else {
                        if surrogate != 0 && ch <= 127 && ch != 0x2B { output.append(surrogate) }
                        surrogate = 0
                        if ch == 0x2D { index += 1 }
                        continue
                    }
                } else if ch == 0x2B {
                    let start = index
                    index += 1
                    if index < end && bytes[index] == 0x2D {
                        index += 1
                        output.append(0x2B)
                        continue
                    } else if index < end && !isBase64(UInt32(bytes[index])) {
                        index += 1
                        failure = (start, "ill-formed sequence")
                    } else {
                        inShift = true
                        surrogate = 0
                        shiftStart = start
                        shiftOutputStart = output.count
                        bits = 0
                        buffer = 0
                        continue
                    }
                } else if ch <= 127 {
                    output.append(ch)
                    index += 1
                    continue
                } else {
                    index += 1
                    failure = (index - 1, "unexpected special character")
                }
                if let failure {
                    index = try context.handle(failure.start, index, failure.reason, output: &output)
                }
            }
            if inShift && final {
                inShift = false
                if surrogate != 0 || bits >= 6 || (bits > 0 && buffer != 0) {
                    index = try context.handle(shiftStart, end, "unterminated shift sequence", output: &output)
                    if index < end { continue }
                }
            }
            break
        }
        if !final && inShift {
            output.removeSubrange(shiftOutputStart...)
            return (output, shiftStart)
        }
        return (output, index)
    }
}
