/// Decoding one UTF-8 sequence from raw bytes, for the few places that look at
/// non-ASCII text (identifiers, string literals). Malformed input decodes as
/// U+FFFD one byte at a time rather than trapping: `SourceBuffer(utf8:)` does
/// not validate its bytes.
enum UTF8Decoding {
    static let replacement: UInt32 = 0xFFFD

    /// The code point starting at `bytes[index]` and its length in bytes;
    /// `limit` is the end of the readable range.
    @inline(__always)
    static func scalar(in bytes: UnsafePointer<UInt8>, at index: Int, limit: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        return multiByteScalar(in: bytes, at: index, limit: limit)
    }

    static func multiByteScalar(in bytes: UnsafePointer<UInt8>, at index: Int, limit: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        var minimum: UInt32
        switch lead {
        case 0xC2...0xDF: (length, value, minimum) = (2, UInt32(lead & 0x1F), 0x80)
        case 0xE0...0xEF: (length, value, minimum) = (3, UInt32(lead & 0x0F), 0x800)
        case 0xF0...0xF4: (length, value, minimum) = (4, UInt32(lead & 0x07), 0x10000)
        default: return (replacement, 1)
        }
        guard index + length <= limit else { return (replacement, 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (replacement, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
            return (replacement, 1)
        }
        return (value, length)
    }
}
