/// UTF-16, as CPython's built-in codec: `utf-16` writes a byte order mark
/// and reads one if present (little-endian otherwise), `utf-16-le`/`-be`
/// neither; lone surrogates cannot be encoded ("surrogates not allowed").
extension PyCodecs {
    /// `_codecs.utf_16_encode(text, errors, byteorder)`: `.unspecified`
    /// writes a BOM and little-endian units (the native order here).
    public static func encodeUTF16(_ text: CodePoints, errors: CodecErrorHandler = .strict,
                                   byteOrder: UnicodeByteOrder = .unspecified) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(2 * text.count + 2)
        let bigEndian = byteOrder == .big
        let encoding: String
        switch byteOrder {
        case .unspecified:
            output.append(0xFF)
            output.append(0xFE)
            encoding = "utf-16"
        case .little: encoding = "utf-16-le"
        case .big: encoding = "utf-16-be"
        }
        func appendUnit(_ unit: UInt32) {
            if bigEndian {
                output.append(UInt8(unit >> 8))
                output.append(UInt8(unit & 0xFF))
            } else {
                output.append(UInt8(unit & 0xFF))
                output.append(UInt8(unit >> 8))
            }
        }
        var context: CodecErrorContext<UInt32>?
        var index = 0
        while index < text.count {
            let value = text[index]
            if value >= 0xD800 && value <= 0xDFFF {
                if context == nil { context = CodecErrorContext(text, encoding: encoding, handler: errors) }
                let reason = "surrogates not allowed"
                let (replacement, resume) = try context!.callHandler(index, index + 1, reason)
                switch replacement {
                case .bytes(let bytes):
                    guard bytes.count % 2 == 0 else { throw context!.failure(index, index + 1, reason) }
                    output.append(contentsOf: bytes)
                case .text(let characters):
                    for character in characters {
                        guard character < 0x80 else { throw context!.failure(index, index + 1, reason) }
                        appendUnit(character)
                    }
                }
                index = resume
                continue
            }
            if value >= 0x10000 {
                appendUnit(0xD800 | ((value - 0x10000) >> 10))
                appendUnit(0xDC00 | (value & 0x3FF))
            } else {
                appendUnit(value)
            }
            index += 1
        }
        return output
    }

    /// `_codecs.utf_16_ex_decode(data, errors, byteorder, final)`: with
    /// `.unspecified`, a leading BOM picks the order (and is dropped) and
    /// `byteOrder` is updated to it when there are two bytes or more.
    public static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, errors: CodecErrorHandler = .strict,
                                   byteOrder: inout UnicodeByteOrder,
                                   final: Bool = true) throws -> (text: [UInt32], consumed: Int) {
        var index = 0
        if byteOrder == .unspecified && bytes.count >= 2 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE {
                byteOrder = .little
                index = 2
            } else if bytes[0] == 0xFE && bytes[1] == 0xFF {
                byteOrder = .big
                index = 2
            }
        }
        let bigEndian = byteOrder == .big
        let encoding = bigEndian ? "utf-16-be" : "utf-16-le"
        var output: [UInt32] = []
        output.reserveCapacity(bytes.count / 2)
        var context: CodecErrorContext<UInt8>?
        func unit(_ offset: Int) -> UInt32 {
            bigEndian ? UInt32(bytes[offset]) << 8 | UInt32(bytes[offset + 1])
                : UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8
        }
        let count = bytes.count
        while index < count {
            let start: Int
            let end: Int
            let reason: String
            if count - index < 2 {
                if !final { break }
                (start, end, reason) = (index, count, "truncated data")
            } else {
                let first = unit(index)
                if first < 0xD800 || first > 0xDFFF {
                    output.append(first)
                    index += 2
                    continue
                }
                if first >= 0xDC00 {
                    (start, end, reason) = (index, index + 2, "illegal encoding")
                } else if count - index < 4 {
                    if !final { break }
                    (start, end, reason) = (index, count, "unexpected end of data")
                } else {
                    let second = unit(index + 2)
                    if second >= 0xDC00 && second <= 0xDFFF {
                        output.append(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                        index += 4
                        continue
                    }
                    (start, end, reason) = (index, index + 2, "illegal UTF-16 surrogate")
                }
            }
            if context == nil { context = CodecErrorContext(bytes, encoding: encoding, handler: errors) }
            index = try context!.handle(start, end, reason, output: &output)
        }
        return (output, index)
    }

    /// `bytes.decode('utf-16'|'utf-16-le'|'utf-16-be')`.
    public static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, errors: CodecErrorHandler = .strict,
                                   byteOrder: UnicodeByteOrder = .unspecified) throws -> [UInt32] {
        var order = byteOrder
        return try decodeUTF16(bytes, errors: errors, byteOrder: &order, final: true).text
    }
}

/// The byte order of a UTF-16/32 codec, as `_codecs` passes it: -1 little,
/// 1 big, 0 unspecified (encode: BOM then native order; decode: read a BOM).
public enum UnicodeByteOrder: Int, Sendable {
    case little = -1
    case unspecified = 0
    case big = 1

    /// CPython's reading of the int argument: any negative is little, any
    /// positive big.
    public init(_ value: Int) {
        self = value < 0 ? .little : value > 0 ? .big : .unspecified
    }
}
