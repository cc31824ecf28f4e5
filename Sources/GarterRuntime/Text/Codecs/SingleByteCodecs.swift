/// Latin-1 and ASCII, as CPython's built-in codecs. Consecutive characters
/// that cannot be encoded are reported as one error.
extension PyCodecs {
    /// `str.encode('latin-1', errors)`.
    public static func encodeLatin1(_ text: CodePoints, errors: CodecErrorHandler = .strict) throws -> [UInt8] {
        try encodeSingleByte(text, limit: 0x100, encoding: "latin-1", reason: "ordinal not in range(256)",
                             errors: errors)
    }

    /// `str.encode('ascii', errors)`.
    public static func encodeASCII(_ text: CodePoints, errors: CodecErrorHandler = .strict) throws -> [UInt8] {
        try encodeSingleByte(text, limit: 0x80, encoding: "ascii", reason: "ordinal not in range(128)",
                             errors: errors)
    }

    /// `bytes.decode('latin-1')`: every byte is its code point.
    public static func decodeLatin1(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        widen(bytes)
    }

    /// Each byte as a code point, in one vectorisable loop.
    static func widen(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            for index in 0..<bytes.count { buffer[index] = UInt32(bytes[index]) }
            initialized = bytes.count
        }
    }

    /// `bytes.decode('ascii', errors)`: each byte above 0x7F is an error.
    public static func decodeASCII(_ bytes: UnsafeBufferPointer<UInt8>, errors: CodecErrorHandler = .strict) throws -> [UInt32] {
        var union: UInt8 = 0
        for byte in bytes { union |= byte }
        if union < 0x80 { return widen(bytes) }
        var output: [UInt32] = []
        output.reserveCapacity(bytes.count)
        var context: CodecErrorContext<UInt8>?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                output.append(UInt32(byte))
                index += 1
                continue
            }
            if context == nil { context = CodecErrorContext(bytes, encoding: "ascii", handler: errors) }
            if case .surrogateEscape = errors {
                output.append(0xDC00 + UInt32(byte))
                index += 1
                continue
            }
            index = try context!.handle(index, index + 1, "ordinal not in range(128)", output: &output)
        }
        return output
    }

    private static func encodeSingleByte(_ text: CodePoints, limit: UInt32, encoding: String, reason: String,
                                         errors: CodecErrorHandler) throws -> [UInt8] {
        var union: UInt32 = 0
        for value in text { union |= value }
        if union < limit {
            return [UInt8](unsafeUninitializedCapacity: text.count) { buffer, initialized in
                for index in 0..<text.count { buffer[index] = UInt8(truncatingIfNeeded: text[index]) }
                initialized = text.count
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var context: CodecErrorContext<UInt32>?
        let count = text.count
        var index = 0
        while index < count {
            let value = text[index]
            if value < limit {
                output.append(UInt8(value))
                index += 1
                continue
            }
            var start = index
            var end = index + 1
            while end < count && text[end] >= limit { end += 1 }
            if context == nil { context = CodecErrorContext(text, encoding: encoding, handler: errors) }
            switch errors {
            case .strict:
                throw context!.failure(start, end, reason)
            case .ignore:
                index = end
                continue
            case .replace:
                output.append(contentsOf: repeatElement(0x3F, count: end - start))
                index = end
                continue
            case .surrogateEscape:
                while start < end && text[start] >= 0xDC80 && text[start] <= 0xDCFF {
                    output.append(UInt8(text[start] - 0xDC00))
                    start += 1
                }
                if start == end {
                    index = end
                    continue
                }
            default:
                break
            }
            let (replacement, resume) = try context!.callHandler(start, end, reason)
            switch replacement {
            case .bytes(let bytes):
                output.append(contentsOf: bytes)
            case .text(let characters):
                for character in characters {
                    guard character < limit else { throw context!.failure(start, end, reason) }
                    output.append(UInt8(character))
                }
            }
            index = resume
        }
        return output
    }
}
