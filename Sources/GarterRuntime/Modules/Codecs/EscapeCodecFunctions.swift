// `_codecs.escape_encode`/`escape_decode`: the escapes of bytes literals
// (the `string_escape` codec of old), bytes to bytes.

extension Interpreter {
    func defineEscapeCodecFunctions(_ define: ModuleDefine) {
        define("escape_encode") { thread, arguments throws(EvalError) in
            try arguments.expect("escape_encode", 1...2)
            guard let data = arguments[0].as(PyBytes.self) else {
                throw .typeError("escape_encode() argument 1 must be bytes, not \(thread.typeOf(arguments[0]).name)")
            }
            _ = try thread.codecErrorsArgument(arguments, 1, "escape_encode")
            return thread.interpreter.newTuple([thread.interpreter.newBytes(BytesEscapes.encode(data.bytes)),
                                                .int(data.bytes.count)])
        }
        define("escape_decode") { thread, arguments throws(EvalError) in
            try arguments.expect("escape_decode", 1...2)
            let bytes = try thread.codecDataArgument(arguments[0], acceptsText: true)
            var errors = "strict"
            if arguments.positionalCount > 1 && !arguments[1].isNone {
                guard let name = arguments[1].strObject else {
                    throw .typeError("escape_decode() argument 2 must be str or None, not \(thread.typeOf(arguments[1]).name)")
                }
                errors = name.string
            }
            let decoded = try BytesEscapes.decode(bytes, errors: errors)
            return thread.interpreter.newTuple([thread.interpreter.newBytes(decoded), .int(bytes.count)])
        }
    }
}

enum BytesEscapes {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `repr(bytes)` without the quotes, escaping `'` always.
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x27, 0x5C: output += [0x5C, byte]
            case 0x09: output += [0x5C, 0x74]
            case 0x0A: output += [0x5C, 0x6E]
            case 0x0D: output += [0x5C, 0x72]
            case 0x20..<0x7F: output.append(byte)
            default: output += [0x5C, 0x78, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// CPython's `_PyBytes_DecodeEscape`: errors are ValueErrors; only
    /// strict, ignore and replace are known.
    static func decode(_ bytes: [UInt8], errors: String) throws(EvalError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte != 0x5C {
                output.append(byte)
                continue
            }
            guard index < end else { throw .valueError("Trailing \\ in string") }
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
                var value = Int(escape - 0x30)
                var count = 1
                while count < 3 && index < end && bytes[index] >= 0x30 && bytes[index] <= 0x37 {
                    value = value * 8 + Int(bytes[index] - 0x30)
                    index += 1
                    count += 1
                }
                output.append(UInt8(truncatingIfNeeded: value))
            case 0x78:
                if index + 1 < end, let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) {
                    output.append(high << 4 | low)
                    index += 2
                    continue
                }
                switch errors {
                case "strict": throw .valueError("invalid \\x escape at position \(index - 2)")
                case "replace": output.append(0x3F)
                case "ignore": break
                default: throw .valueError("decoding error; unknown error handling code: \(errors)")
                }
                // Skip the hex digits that were there.
                if index < end && hexValue(bytes[index]) != nil { index += 1 }
            default:
                output.append(0x5C)
                output.append(escape)
            }
        }
        return output
    }
}
