/// UTF-8, as CPython's built-in codec: strict validation (no surrogates,
/// overlong forms or values past U+10FFFF), CPython's error ranges
/// ("invalid start byte", "invalid continuation byte", "unexpected end of
/// data"), and incremental decoding (`final: false` leaves an incomplete
/// sequence at the end unconsumed).
extension PyCodecs {
    /// `str.encode('utf-8', errors)`. A run of surrogates is reported as one
    /// error ("surrogates not allowed").
    public static func encodeUTF8(_ text: CodePoints, errors: CodecErrorHandler = .strict) throws -> [UInt8] {
        // ASCII text (the common case) narrows in one vectorisable loop.
        var union: UInt32 = 0
        for value in text { union |= value }
        if union < 0x80 {
            return [UInt8](unsafeUninitializedCapacity: text.count) { buffer, initialized in
                for index in 0..<text.count { buffer[index] = UInt8(truncatingIfNeeded: text[index]) }
                initialized = text.count
            }
        }
        // Without surrogates the length is known: one pass to measure, one
        // to write.
        var length = 0
        for value in text {
            if value < 0x80 {
                length += 1
            } else if value < 0x800 {
                length += 2
            } else if value < 0x10000 {
                if value & 0xF800 == 0xD800 { return try encodeUTF8WithErrors(text, errors: errors) }
                length += 3
            } else {
                length += 4
            }
        }
        return [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            var offset = 0
            for value in text {
                if value < 0x80 {
                    buffer[offset] = UInt8(value)
                    offset += 1
                } else if value < 0x800 {
                    buffer[offset] = UInt8(0xC0 | (value >> 6))
                    buffer[offset + 1] = UInt8(0x80 | (value & 0x3F))
                    offset += 2
                } else if value < 0x10000 {
                    buffer[offset] = UInt8(0xE0 | (value >> 12))
                    buffer[offset + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[offset + 2] = UInt8(0x80 | (value & 0x3F))
                    offset += 3
                } else {
                    buffer[offset] = UInt8(0xF0 | (value >> 18))
                    buffer[offset + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
                    buffer[offset + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[offset + 3] = UInt8(0x80 | (value & 0x3F))
                    offset += 4
                }
            }
            initialized = offset
        }
    }

    private static func encodeUTF8WithErrors(_ text: CodePoints, errors: CodecErrorHandler) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var context: CodecErrorContext<UInt32>?
        var index = 0
        let count = text.count
        while index < count {
            let value = text[index]
            if value < 0x80 {
                output.append(UInt8(value))
            } else if value < 0x800 {
                output.append(UInt8(0xC0 | (value >> 6)))
                output.append(UInt8(0x80 | (value & 0x3F)))
            } else if value < 0x10000 {
                if value >= 0xD800 && value <= 0xDFFF {
                    var end = index + 1
                    while end < count && text[end] >= 0xD800 && text[end] <= 0xDFFF { end += 1 }
                    if context == nil { context = CodecErrorContext(text, encoding: "utf-8", handler: errors) }
                    index = try encodeSurrogates(text, index, end, context!, into: &output)
                    continue
                }
                output.append(UInt8(0xE0 | (value >> 12)))
                output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                output.append(UInt8(0xF0 | (value >> 18)))
                output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
                output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (value & 0x3F)))
            }
            index += 1
        }
        return output
    }

    /// Handles the surrogates `text[start..<end]`; returns where to go on.
    private static func encodeSurrogates(_ text: CodePoints, _ start: Int, _ end: Int,
                                         _ context: CodecErrorContext<UInt32>,
                                         into output: inout [UInt8]) throws -> Int {
        let reason = "surrogates not allowed"
        var start = start
        switch context.handler {
        case .strict:
            throw context.failure(start, end, reason)
        case .ignore:
            return end
        case .replace:
            output.append(contentsOf: repeatElement(0x3F, count: end - start))
            return end
        case .surrogatePass:
            for index in start..<end {
                let value = text[index]
                output.append(UInt8(0xE0 | (value >> 12)))
                output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (value & 0x3F)))
            }
            return end
        case .surrogateEscape:
            while start < end && text[start] >= 0xDC80 && text[start] <= 0xDCFF {
                output.append(UInt8(text[start] - 0xDC00))
                start += 1
            }
            if start == end { return end }
        default:
            break
        }
        let (replacement, resume) = try context.callHandler(start, end, reason)
        switch replacement {
        case .bytes(let bytes):
            output.append(contentsOf: bytes)
        case .text(let characters):
            for character in characters {
                guard character < 0x80 else { throw context.failure(start, end, reason) }
                output.append(UInt8(character))
            }
        }
        return resume
    }

    /// `bytes.decode('utf-8', errors)` (`final: true`), or one step of the
    /// incremental decoder: returns the text and the number of bytes consumed.
    public static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, errors: CodecErrorHandler = .strict,
                                  final: Bool = true) throws -> (text: [UInt32], consumed: Int) {
        // Valid input is decoded straight into the result (it never has more
        // code points than bytes); the first problem hands over to the loop
        // that handles errors and incomplete input.
        let count = bytes.count
        var union: UInt8 = 0
        for byte in bytes { union |= byte }
        if union < 0x80 { return (widen(bytes), count) }
        var index = 0
        var output = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            var written = 0
            let base = bytes.baseAddress
            scan: while index < count {
                if let base {
                    while index + 8 <= count {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 != 0 { break }
                        for offset in 0..<8 { buffer[written + offset] = UInt32(base[index + offset]) }
                        written += 8
                        index += 8
                    }
                }
                guard index < count else { break }
                let lead = bytes[index]
                if lead < 0x80 {
                    buffer[written] = UInt32(lead)
                    written += 1
                    index += 1
                    continue
                }
                guard case .scalar(let value, let length) = UTF8Step.read(bytes, at: index) else { break scan }
                buffer[written] = value
                written += 1
                index += length
            }
            initialized = written
        }
        if index == count { return (output, count) }
        return try decodeUTF8Rest(bytes, from: index, into: &output, errors: errors, final: final)
    }

    /// Decodes `bytes[index...]` after `output`, handling errors.
    private static func decodeUTF8Rest(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt32],
                                       errors: CodecErrorHandler, final: Bool) throws -> (text: [UInt32], consumed: Int) {
        output.reserveCapacity(output.count + bytes.count - start + 8)
        var context: CodecErrorContext<UInt8>?
        let count = bytes.count
        var index = start
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                output.append(UInt32(lead))
                index += 1
                continue
            }
            let step = UTF8Step.read(bytes, at: index)
            switch step {
            case .scalar(let value, let length):
                output.append(value)
                index += length
                continue
            case .incomplete:
                if !final { return (output, index) }
                if context == nil { context = CodecErrorContext(bytes, encoding: "utf-8", handler: errors) }
                index = try context!.handleUTF8(index, count, "unexpected end of data", output: &output)
            case .invalidStart:
                if context == nil { context = CodecErrorContext(bytes, encoding: "utf-8", handler: errors) }
                index = try context!.handleUTF8(index, index + 1, "invalid start byte", output: &output)
            case .invalidContinuation(let length):
                // A truncated surrogate (ED A0..BF) at the end waits for more
                // input, so that `surrogatepass` can see all three bytes.
                if !final && length == 1 && lead == 0xED && count - index == 2
                    && (0xA0...0xBF).contains(bytes[index + 1]) {
                    return (output, index)
                }
                if context == nil { context = CodecErrorContext(bytes, encoding: "utf-8", handler: errors) }
                index = try context!.handleUTF8(index, index + length, "invalid continuation byte", output: &output)
            }
        }
        return (output, count)
    }
}

extension CodecErrorContext where Element == UInt8 {
    /// UTF-8's error handling: `surrogateescape` escapes the bytes of the
    /// error range (all non-ASCII) directly.
    fileprivate func handleUTF8(_ start: Int, _ end: Int, _ reason: String, output: inout [UInt32]) throws -> Int {
        if case .surrogateEscape = handler {
            for index in start..<end { output.append(0xDC00 + UInt32(input[index])) }
            return end
        }
        return try handle(start, end, reason, output: &output)
    }
}

/// One step of UTF-8 decoding at a non-ASCII byte.
enum UTF8Step {
    case scalar(UInt32, length: Int)
    /// The data ends inside a sequence that is valid so far.
    case incomplete
    case invalidStart
    /// The lead byte and `length - 1` continuation bytes were valid; the next is not.
    case invalidContinuation(length: Int)

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UTF8Step {
        let lead = bytes[index]
        let available = bytes.count - index
        if lead < 0xC2 { return .invalidStart }
        if lead < 0xE0 {
            if available < 2 { return .incomplete }
            let b1 = bytes[index + 1]
            guard isContinuation(b1) else { return .invalidContinuation(length: 1) }
            return .scalar(UInt32(lead & 0x1F) << 6 | UInt32(b1 & 0x3F), length: 2)
        }
        if lead < 0xF0 {
            if available < 2 { return .incomplete }
            let b1 = bytes[index + 1]
            // E0 needs A0..BF (no overlong forms); ED needs 80..9F (no surrogates).
            guard isContinuation(b1) && !(lead == 0xE0 && b1 < 0xA0) && !(lead == 0xED && b1 >= 0xA0) else {
                return .invalidContinuation(length: 1)
            }
            if available < 3 { return .incomplete }
            let b2 = bytes[index + 2]
            guard isContinuation(b2) else { return .invalidContinuation(length: 2) }
            return .scalar(UInt32(lead & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F), length: 3)
        }
        if lead < 0xF5 {
            if available < 2 { return .incomplete }
            let b1 = bytes[index + 1]
            // F0 needs 90..BF (no overlong forms); F4 needs 80..8F (nothing past U+10FFFF).
            guard isContinuation(b1) && !(lead == 0xF0 && b1 < 0x90) && !(lead == 0xF4 && b1 >= 0x90) else {
                return .invalidContinuation(length: 1)
            }
            if available < 3 { return .incomplete }
            let b2 = bytes[index + 2]
            guard isContinuation(b2) else { return .invalidContinuation(length: 2) }
            if available < 4 { return .incomplete }
            let b3 = bytes[index + 3]
            guard isContinuation(b3) else { return .invalidContinuation(length: 3) }
            let value = UInt32(lead & 0x07) << 18 | UInt32(b1 & 0x3F) << 12 | UInt32(b2 & 0x3F) << 6 | UInt32(b3 & 0x3F)
            return .scalar(value, length: 4)
        }
        return .invalidStart
    }
}
