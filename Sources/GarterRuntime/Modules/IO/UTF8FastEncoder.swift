/// Encoding of text without lone surrogates to UTF-8, appended straight to
/// a stream's pending bytes. A surrogate (which only an error handler can
/// deal with) makes it give up, and the caller encodes with `PyCodecs`.
enum UTF8FastEncoder {
    /// Appends the UTF-8 of `points` to `output`; false (and `output` as it
    /// was) if `points` holds a surrogate.
    static func encode(_ points: UnsafeBufferPointer<UInt32>, into output: inout [UInt8]) -> Bool {
        let start = output.count
        output.reserveCapacity(start + points.count + points.count / 2)
        for point in points {
            if point < 0x80 {
                output.append(UInt8(truncatingIfNeeded: point))
            } else if point < 0x800 {
                output.append(UInt8(truncatingIfNeeded: 0xC0 | point >> 6))
                output.append(UInt8(truncatingIfNeeded: 0x80 | point & 0x3F))
            } else if point < 0x10000 {
                if point >= 0xD800 && point <= 0xDFFF {
                    output.removeSubrange(start...)
                    return false
                }
                output.append(UInt8(truncatingIfNeeded: 0xE0 | point >> 12))
                output.append(UInt8(truncatingIfNeeded: 0x80 | (point >> 6) & 0x3F))
                output.append(UInt8(truncatingIfNeeded: 0x80 | point & 0x3F))
            } else {
                output.append(UInt8(truncatingIfNeeded: 0xF0 | point >> 18))
                output.append(UInt8(truncatingIfNeeded: 0x80 | (point >> 12) & 0x3F))
                output.append(UInt8(truncatingIfNeeded: 0x80 | (point >> 6) & 0x3F))
                output.append(UInt8(truncatingIfNeeded: 0x80 | point & 0x3F))
            }
        }
        return true
    }
}
