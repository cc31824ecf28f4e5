/// UTF-32, as CPython's built-in codec (BOM handling as for UTF-16).
extension PyCodecs {
    /// `_codecs.utf_32_encode(text, errors, byteorder)`.
    public static func encodeUTF32(_ text: CodePoints, errors: CodecErrorHandler = .strict,
                                   byteOrder: UnicodeByteOrder = .unspecified) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4 * text.count + 4)
        let bigEndian = byteOrder == .big
        let encoding: String
        switch byteOrder {
        case .unspecified:
            output.append(contentsOf: [0xFF, 0xFE, 0, 0])
            encoding = "utf-32"
        case .little: encoding = "utf-32-le"
        case .big: encoding = "utf-32-be"
        }
        func appendUnit(_ value: UInt32) {
            if bigEndian {
                output.append(UInt8(value >> 24))
                output.append(UInt8((value >> 16) & 0xFF))
                output.append(UInt8((value >> 8) & 0xFF))
                output.append(UInt8(value & 0xFF))
            } else {
                output.append(UInt8(value & 0xFF))
                output.append(UInt8((value >> 8) & 0xFF))
                output.append(UInt8((value >> 16) & 0xFF))
                output.append(UInt8(value >> 24))
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
                    guard bytes.count % 4 == 0 else { throw context!.failure(index, index + 1, reason) }
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
            appendUnit(value)
            index += 1
        }
        return output
    }

    /// `_codecs.utf_32_ex_decode(data, errors, byteorder, final)`.
    public static func decodeUTF32(_ bytes: UnsafeBufferPointer<UInt8>, errors: CodecErrorHandler = .strict,
                                   byteOrder: inout UnicodeByteOrder,
                                   final: Bool = true) throws -> (text: [UInt32], consumed: Int) {
        var index = 0
        if byteOrder == .unspecified && bytes.count >= 4 {
            if bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0 {
                byteOrder = .little
                index = 4
            } else if bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF {
                byteOrder = .big
                index = 4
            }
        }
        let bigEndian = byteOrder == .big
        let encoding = bigEndian ? "utf-32-be" : "utf-32-le"
        var output: [UInt32] = []
        output.reserveCapacity(bytes.count / 4)
        var context: CodecErrorContext<UInt8>?
        let count = bytes.count
        while index < count {
            let start = index
            let end: Int
            let reason: String
            if count - index < 4 {
                if !final { break }
                end = count
                reason = "truncated data"
            } else {
                let (b0, b1, b2, b3) = (UInt32(bytes[index]), UInt32(bytes[index + 1]),
                                        UInt32(bytes[index + 2]), UInt32(bytes[index + 3]))
                let value = bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0
                if value > 0x10FFFF {
                    reason = "code point not in range(0x110000)"
                } else if value >= 0xD800 && value <= 0xDFFF {
                    reason = "code point in surrogate code point range(0xd800, 0xe000)"
                } else {
                    output.append(value)
                    index += 4
                    continue
                }
                end = index + 4
            }
            if context == nil { context = CodecErrorContext(bytes, encoding: encoding, handler: errors) }
            index = try context!.handle(start, end, reason, output: &output)
        }
        return (output, index)
    }

    /// `bytes.decode('utf-32'|'utf-32-le'|'utf-32-be')`.
    public static func decodeUTF32(_ bytes: UnsafeBufferPointer<UInt8>, errors: CodecErrorHandler = .strict,
                                   byteOrder: UnicodeByteOrder = .unspecified) throws -> [UInt32] {
        var order = byteOrder
        return try decodeUTF32(bytes, errors: errors, byteOrder: &order, final: true).text
    }
}
